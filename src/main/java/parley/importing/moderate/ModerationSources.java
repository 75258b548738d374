package parley.importing.moderate;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.comment.CommentState;
import parley.importing.HtmlBody;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.importing.disqus.DisqusReader;
import parley.importing.wordpress.WxrReader;
import parley.moderation.AuthorRef;
import parley.moderation.DecisionJson;
import parley.store.Database;

/** Where comments to re-score come from (a site's rows, or an export file before import) and where verdicts go. */
public final class ModerationSources {
  private ModerationSources() {}

  /** Streams every comment of the site that is not deleted, in the order they arrived. */
  public static void site(Database db, String siteId, Consumer<Item> sink) {
    db.read(h -> {
      h.begin(); // lets PostgreSQL stream with a cursor
      try {
        h.createQuery("""
                SELECT c.id, t.page_key, c.body_markdown, c.state, c.created_at, c.author_account_id, c.client_hash,
                  c.ip_hash, c.author_email, c.author_username, c.author_name
                FROM comments c JOIN threads t ON t.id = c.thread_id
                WHERE t.site_id = :site AND c.state <> 'deleted' ORDER BY c.id""")
            .bind("site", siteId).setFetchSize(2000)
            .map((rs, ctx) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                author(rs).key(), rs.getLong(5)))
            .stream().forEach(sink);
      } finally {
        h.rollback();
      }
      return null;
    });
  }

  /** How many comments {@link #site} streams: the whole, for a progress report. */
  public static long siteCount(Database db, String siteId) {
    return db.read(h -> h.createQuery("""
            SELECT COUNT(*) FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site AND c.state <> 'deleted'""")
        .bind("site", siteId).mapTo(Long.class).one());
  }

  /** Streams the posts of an export file, converted as an import would, skipping deleted ones. */
  public static void file(Imports.Format format, PageKey pageKey, InputStream in, Consumer<Item> sink) {
    Map<String, String> pages = new HashMap<>();
    ImportSink reader = new ImportSink() {
      @Override
      public void thread(ImportedThread t) {
        pages.put(t.sourceId(), t.pageKey());
      }

      @Override
      public void post(ImportedPost p) {
        if (p.state() == CommentState.DELETED) return;
        String text = p.format() == ImportedPost.BodyFormat.HTML
            ? HtmlBody.fromHtml(p.body()).markdown() : HtmlBody.fromAutoParagraphs(p.body()).markdown();
        AuthorRef author = new AuthorRef(null, null, null,
            new AuthorRef.Source(p.authorEmail(), p.authorUsername(), p.authorName()));
        sink.accept(new Item(0, pages.getOrDefault(p.threadSourceId(), "thread " + p.threadSourceId()), text,
            p.state().key(), author.key(), p.createdAt()));
      }
    };
    switch (format) {
      case DISQUS -> new DisqusReader(pageKey).read(in, reader);
      case WORDPRESS -> new WxrReader(pageKey).read(in, reader);
    }
  }

  private static AuthorRef author(ResultSet rs) throws SQLException {
    long account = rs.getLong(6);
    return new AuthorRef(rs.wasNull() ? null : account, rs.getString(7), rs.getString(8),
        new AuthorRef.Source(rs.getString(9), rs.getString(10), rs.getString(11)));
  }

  /**
   * Stores the decision as live comments store it (the dashboard reads both alike); published and pending comments
   * take the new verdict, others keep their state.
   */
  public static Consumer<List<BulkModeration.Scored>> applyTo(Database db) {
    return chunk -> db.write(h -> {
      var batch = h.prepareBatch("""
          UPDATE comments SET scores = :scores, moderation = :moderation,
            state = CASE WHEN state IN ('published', 'pending') THEN :state ELSE state END
          WHERE id = :id""");
      long now = System.currentTimeMillis();
      for (BulkModeration.Scored s : chunk) {
        var stored = DecisionJson.stored(s.judgement(), DecisionJson.By.BULK, now);
        batch.bind("scores", stored.scores()).bind("moderation", stored.reasons()).bind("id", s.item().id())
            .bind("state", stored.state().key()).add();
      }
      return batch.execute();
    });
  }
}
