package parley.moderation;

import java.util.List;
import org.jdbi.v3.core.statement.Query;
import parley.store.Database;

/** What the pipeline and the dashboard know about an author's past comments on one site. */
public final class AuthorStore {
  private final Database db;

  public AuthorStore(Database db) {
    this.db = db;
  }

  /** Approved (published) and rejected counts. */
  public record Counts(int published, int pending, int rejected) {}

  public Counts counts(String siteId, AuthorRef author) {
    return db.read(h -> bind(h.createQuery("""
            SELECT
              COALESCE(SUM(CASE WHEN c.state = 'published' THEN 1 ELSE 0 END), 0) AS published,
              COALESCE(SUM(CASE WHEN c.state = 'pending' THEN 1 ELSE 0 END), 0) AS pending,
              COALESCE(SUM(CASE WHEN c.state = 'rejected' THEN 1 ELSE 0 END), 0) AS rejected
            FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site AND\s""" + author.where()), siteId, author)
        .map((rs, ctx) -> new Counts(rs.getInt("published"), rs.getInt("pending"), rs.getInt("rejected")))
        .one());
  }

  /**
   * What the trust score counts: published and rejected comments, and reports on comments of theirs that a moderator
   * upheld (the comment ended rejected). Deleted comments count for nothing: the author took them down.
   */
  public Trust.Counts trustCounts(String siteId, AuthorRef author) {
    return db.read(h -> bind(h.createQuery("""
            SELECT
              COALESCE(SUM(CASE WHEN c.state = 'published' THEN 1 ELSE 0 END), 0) AS published,
              COALESCE(SUM(CASE WHEN c.state = 'rejected' THEN 1 ELSE 0 END), 0) AS rejected,
              COALESCE(SUM(CASE WHEN c.state = 'rejected'
                THEN (SELECT COUNT(*) FROM reports r WHERE r.comment_id = c.id) ELSE 0 END), 0) AS upheld
            FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site AND\s""" + author.where()), siteId, author)
        .map((rs, ctx) -> new Trust.Counts(rs.getInt("published"), rs.getInt("rejected"), rs.getInt("upheld")))
        .one());
  }

  /** Bodies of the author's comments on this site since {@code sinceMillis}, newest first. */
  public List<String> recentBodies(String siteId, AuthorRef author, long sinceMillis, int limit) {
    return db.read(h -> bind(h.createQuery("""
            SELECT c.body_markdown FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site AND c.created_at >= :since AND\s""" + author.where()
            + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit"), siteId, author)
        .bind("since", sinceMillis)
        .bind("limit", limit)
        .mapTo(String.class)
        .list());
  }

  private static Query bind(Query q, String siteId, AuthorRef author) {
    return author.bind(q.bind("site", siteId));
  }
}
