package parley.comment;

import java.time.Instant;
import java.util.List;
import parley.store.Database;

/**
 * The newest published comments of one site or one thread, for feeds. Only {@code published} rows are read, so held,
 * rejected and deleted comments can never reach a feed whatever the caller does. Thread-safe.
 */
public final class LatestComments {
  /** Feeds stay small: readers poll them, and older comments are in the thread itself. */
  public static final int MAX = 50;

  /** One published comment with the thread it belongs to; {@code html} is the sanitized body. */
  public record Latest(long id, Long parentId, String author, String html, Instant createdAt, Instant editedAt,
      long threadId, String pageKey, String url, String title) {

    /** When the comment last changed, for Atom's {@code updated}. */
    public Instant updated() {
      return editedAt == null ? createdAt : editedAt;
    }
  }

  private static final String SQL = """
      SELECT c.id, c.parent_id, c.author_name, c.body_html, c.created_at, c.edited_at,
             t.id AS thread_id, t.page_key, t.url, t.title
      FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE c.state = 'published' AND t.site_id = :site AND (:thread < 0 OR t.id = :thread)
      ORDER BY c.created_at DESC, c.id DESC LIMIT :limit""";

  private final Database db;

  public LatestComments(Database db) {
    this.db = db;
  }

  /** Newest first, at most {@link #MAX}. */
  public List<Latest> ofSite(String siteId) {
    return query(siteId, -1);
  }

  /** Newest first, at most {@link #MAX}. */
  public List<Latest> ofThread(String siteId, long threadId) {
    return query(siteId, threadId);
  }

  private List<Latest> query(String siteId, long threadId) {
    return db.read(h -> h.createQuery(SQL)
        .bind("site", siteId)
        .bind("thread", threadId)
        .bind("limit", MAX)
        .map((rs, ctx) -> {
          long parent = rs.getLong("parent_id");
          Long parentId = rs.wasNull() ? null : parent;
          long edited = rs.getLong("edited_at");
          Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
          return new Latest(rs.getLong("id"), parentId, rs.getString("author_name"), rs.getString("body_html"),
              Instant.ofEpochMilli(rs.getLong("created_at")), editedAt, rs.getLong("thread_id"),
              rs.getString("page_key"), rs.getString("url"), rs.getString("title"));
        })
        .list());
  }
}
