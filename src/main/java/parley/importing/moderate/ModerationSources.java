package parley.importing.moderate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.classify.Category;
import parley.comment.CommentState;
import parley.importing.HtmlBody;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.importing.disqus.DisqusReader;
import parley.importing.wordpress.WxrReader;
import parley.store.Database;

/** Where comments to re-score come from (a site's rows, or an export file before import) and where verdicts go. */
public final class ModerationSources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModerationSources() {}

  /** Streams every comment of the site that is not deleted, oldest first. */
  public static void site(Database db, String siteId, Consumer<Item> sink) {
    db.read(h -> {
      h.begin(); // lets PostgreSQL stream with a cursor
      try {
        h.createQuery("""
                SELECT c.id, t.page_key, c.body_markdown, c.state FROM comments c JOIN threads t ON t.id = c.thread_id
                WHERE t.site_id = :site AND c.state <> 'deleted' ORDER BY c.id""")
            .bind("site", siteId).setFetchSize(2000)
            .map((rs, ctx) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .stream().forEach(sink);
      } finally {
        h.rollback();
      }
      return null;
    });
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
        sink.accept(new Item(0, pages.getOrDefault(p.threadSourceId(), "thread " + p.threadSourceId()), text,
            p.state().key()));
      }
    };
    switch (format) {
      case DISQUS -> new DisqusReader(pageKey).read(in, reader);
      case WORDPRESS -> new WxrReader(pageKey).read(in, reader);
    }
  }

  /** Stores the scores and reasons; published and pending comments take the new verdict, others keep their state. */
  public static Consumer<List<BulkModeration.Scored>> applyTo(Database db) {
    return chunk -> db.write(h -> {
      var batch = h.prepareBatch("""
          UPDATE comments SET scores = :scores, moderation = :moderation,
            state = CASE WHEN state IN ('published', 'pending') THEN :state ELSE state END
          WHERE id = :id""");
      for (BulkModeration.Scored s : chunk) {
        batch.bind("scores", scores(s)).bind("moderation", moderation(s)).bind("id", s.item().id())
            .bind("state", switch (s.decision().verdict()) {
              case PUBLISH -> "published";
              case HOLD -> "pending";
              case REJECT -> "rejected";
            }).add();
      }
      return batch.execute();
    });
  }

  private static String scores(BulkModeration.Scored s) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Category c : Category.values()) m.put(c.key(), Math.round(s.classification().score(c) * 1e4) / 1e4);
    return write(m);
  }

  private static String moderation(BulkModeration.Scored s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("by", "bulk");
    m.put("verdict", s.decision().verdict().key());
    m.put("reasons", s.decision().reasons());
    m.put("language", s.classification().language());
    m.put("at", System.currentTimeMillis());
    return write(m);
  }

  private static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
