package parley.moderation.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import parley.store.Database;

/**
 * The users list: every author who commented on a site, under their strongest identity (the same key as
 * {@link parley.moderation.AuthorRef#key()}), searchable by name or email, most recently active first.
 */
public final class AuthorDirectory {
  private static final int LIMIT = 100;

  // one key per comment, as AuthorRef.key() builds it; imported authors without a live identity have none
  private static final String KEYED = """
      SELECT c.*, CASE
          WHEN c.author_account_id IS NOT NULL THEN 'account:' || CAST(c.author_account_id AS TEXT)
          WHEN c.client_hash IS NOT NULL THEN 'client:' || c.client_hash
          WHEN c.ip_hash IS NOT NULL THEN 'ip:' || c.ip_hash END AS author_key
      FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :site""";

  private final Database db;
  private final Clock clock;

  public AuthorDirectory(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Which authors to list. */
  public enum Filter { ALL, SUSPENDED, BANNED }

  public enum Standing { NONE, SUSPENDED, BANNED }

  public record Entry(String key, String name, String email, int comments, int published, int rejected,
      Instant lastActive, Standing standing) {}

  /** {@code query}: part of a name or email, case-insensitive; blank lists everyone. */
  public List<Entry> list(String siteId, String query, Filter filter) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    String search = q.isEmpty() ? "" : " " + """
         HAVING SUM(CASE WHEN LOWER(k.author_name) LIKE :like OR LOWER(COALESCE(k.author_email, '')) LIKE :like
           THEN 1 ELSE 0 END) > 0""";
    String where = switch (filter) {
      case ALL -> "";
      case SUSPENDED -> " WHERE g.ban = 1";
      case BANNED -> " WHERE g.ban = 0";
    };
    return db.read(h -> {
      var select = h.createQuery("SELECT * FROM (SELECT k.author_key, MAX(k.author_name) AS name,"
            + " MAX(k.author_email) AS email, COUNT(*) AS comments,"
            + " SUM(CASE WHEN k.state = 'published' THEN 1 ELSE 0 END) AS published,"
            + " SUM(CASE WHEN k.state = 'rejected' THEN 1 ELSE 0 END) AS rejected, MAX(k.created_at) AS last_at,"
            // 0: banned for good, 1: suspended, null: neither
            + " (SELECT MIN(CASE WHEN b.expires_at IS NULL THEN 0 ELSE 1 END) FROM bans b WHERE b.site_id = :site"
            + "   AND b.author_key = k.author_key AND (b.expires_at IS NULL OR b.expires_at > :now)) AS ban"
            + " FROM (" + KEYED + ") k WHERE k.author_key IS NOT NULL GROUP BY k.author_key" + search + ") g"
            + where + " ORDER BY g.last_at DESC, g.author_key LIMIT :limit")
          .bind("site", siteId).bind("now", clock.millis()).bind("limit", LIMIT);
      if (!q.isEmpty()) select.bind("like", "%" + withoutWildcards(q) + "%");
      return select.map((rs, ctx) -> {
          int ban = rs.getInt("ban");
          Standing standing = rs.wasNull() ? Standing.NONE : ban == 0 ? Standing.BANNED : Standing.SUSPENDED;
          return new Entry(rs.getString("author_key"), rs.getString("name"), rs.getString("email"),
              rs.getInt("comments"), rs.getInt("published"), rs.getInt("rejected"),
              Instant.ofEpochMilli(rs.getLong("last_at")), standing);
        }).list();
    });
  }

  // a name search needs no patterns: wildcards typed in the box are dropped rather than escaped per dialect
  private static String withoutWildcards(String q) {
    return q.replace("%", "").replace("_", "");
  }
}
