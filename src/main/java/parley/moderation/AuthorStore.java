package parley.moderation;

import java.util.List;
import java.util.Optional;
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

  /**
   * The imported author (no account, browser or address: see {@link AuthorRef.Source}) whose {@code email:},
   * {@code user:} or {@code name:} key this is. The key is a hash, which no column holds, so the distinct values of
   * that column are read (from its index, for emails and names) and hashed until one matches; whether that author
   * wrote on the site is for the caller's query of their comments to say. Empty for any other key, or none.
   */
  public Optional<AuthorRef> imported(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon < 1) return Optional.empty();
    java.util.function.Function<String, AuthorRef.Source> source;
    String sql;
    switch (key.substring(0, colon)) {
      case "email" -> {
        // the expression the index comments_author_email holds, so the scan reads the index only
        sql = "SELECT DISTINCT LOWER(author_email) FROM comments WHERE LOWER(author_email) IS NOT NULL";
        source = v -> new AuthorRef.Source(v, null, null);
      }
      case "user" -> {
        sql = "SELECT DISTINCT author_username FROM comments WHERE author_username IS NOT NULL";
        source = v -> new AuthorRef.Source(null, v, null);
      }
      case "name" -> {
        sql = "SELECT DISTINCT author_name FROM comments WHERE author_name IS NOT NULL";
        source = v -> new AuthorRef.Source(null, null, v);
      }
      default -> {
        return Optional.empty();
      }
    }
    return db.read(h -> h.createQuery(sql).mapTo(String.class).stream()
        .map(source).filter(s -> key.equals(s.key())).findFirst()
        .map(s -> new AuthorRef(null, null, null, s)));
  }

  private static Query bind(Query q, String siteId, AuthorRef author) {
    return author.bind(q.bind("site", siteId));
  }
}
