package parley.moderation.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import parley.moderation.AuthorRef;
import parley.store.Database;

/**
 * The users list: every author who commented on a site, under their strongest identity (the same key as
 * {@link parley.moderation.AuthorRef#key()}), searchable by name or email, most recently active first.
 */
public final class AuthorDirectory {
  private static final int LIMIT = 100;
  private static final String IMPORTED = "imported-";

  // one key per comment, as AuthorRef.key() builds it; for an imported author (no live identity) the identity the
  // key hashes, behind a prefix of its own: SQL cannot hash it in both dialects, Java does (see key(String))
  private static final String KEYED = """
      SELECT c.*, CASE
          WHEN c.author_account_id IS NOT NULL THEN 'account:' || CAST(c.author_account_id AS TEXT)
          WHEN c.client_hash IS NOT NULL THEN 'client:' || c.client_hash
          WHEN c.ip_hash IS NOT NULL THEN 'ip:' || c.ip_hash
          WHEN c.author_email IS NOT NULL THEN 'imported-email:' || LOWER(c.author_email)
          WHEN c.author_username IS NOT NULL THEN 'imported-user:' || c.author_username
          WHEN c.author_name IS NOT NULL THEN 'imported-name:' || c.author_name END AS author_key
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
      List<Entry> entries = select.map((rs, ctx) -> {
          int ban = rs.getInt("ban");
          Standing standing = rs.wasNull() ? Standing.NONE : ban == 0 ? Standing.BANNED : Standing.SUSPENDED;
          return new Entry(key(rs.getString("author_key")), rs.getString("name"), rs.getString("email"),
              rs.getInt("comments"), rs.getInt("published"), rs.getInt("rejected"),
              Instant.ofEpochMilli(rs.getLong("last_at")), standing);
        }).list();
      return withImportedStanding(h, siteId, entries);
    });
  }

  /** The key {@link AuthorRef#key()} gives: an imported identity hashed as {@link AuthorRef.Source} does. */
  private static String key(String listed) {
    if (!listed.startsWith(IMPORTED)) return listed;
    String kind = listed.substring(IMPORTED.length(), listed.indexOf(':'));
    String value = listed.substring(listed.indexOf(':') + 1);
    AuthorRef.Source source = switch (kind) {
      case "email" -> new AuthorRef.Source(value, null, null);
      case "user" -> new AuthorRef.Source(null, value, null);
      default -> new AuthorRef.Source(null, null, value);
    };
    return new AuthorRef(null, null, null, source).key();
  }

  /**
   * Bans of imported authors are keyed by the hashed key, which the query could not compare: their standing is looked
   * up here. (The suspended and banned filters therefore list live identities only; an imported author's ban shows on
   * the full list and on their page.)
   */
  private List<Entry> withImportedStanding(org.jdbi.v3.core.Handle h, String siteId, List<Entry> entries) {
    List<String> imported = entries.stream().map(Entry::key)
        .filter(k -> k.startsWith("email:") || k.startsWith("user:") || k.startsWith("name:")).toList();
    if (imported.isEmpty()) return entries;
    java.util.Map<String, Standing> standing = new java.util.HashMap<>();
    h.createQuery("""
            SELECT author_key, MIN(CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END) AS ban FROM bans
            WHERE site_id = :site AND author_key IN (<keys>) AND (expires_at IS NULL OR expires_at > :now)
            GROUP BY author_key""")
        .bind("site", siteId).bind("now", clock.millis()).bindList("keys", imported)
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getInt(2) == 0 ? Standing.BANNED : Standing.SUSPENDED))
        .forEach(e -> standing.put(e.getKey(), e.getValue()));
    return entries.stream().map(e -> standing.containsKey(e.key()) ? new Entry(e.key(), e.name(), e.email(),
        e.comments(), e.published(), e.rejected(), e.lastActive(), standing.get(e.key())) : e).toList();
  }

  // a name search needs no patterns: wildcards typed in the box are dropped rather than escaped per dialect
  private static String withoutWildcards(String q) {
    return q.replace("%", "").replace("_", "");
  }
}
