package parley.moderation.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parley.store.Database;

/**
 * The users list: every author who commented on a site, under their strongest identity (the same key as
 * {@link parley.moderation.AuthorRef#key()}), searchable by name or email, most recently active first. Imported
 * authors are grouped by the email, username or name their key hashes, and get that key in Java: SQL has no SHA-256
 * on SQLite.
 */
public final class AuthorDirectory {
  private static final int LIMIT = 100;

  // an imported author's group: '+', the kind of their key, ':', the value it hashes; no ban key starts with '+'
  private static final String IMPORTED = "+";

  // one key per comment, as AuthorRef.key() builds it, but unhashed for imported authors (see AuthorRef.Source)
  private static final String KEYED = """
      SELECT c.*, CASE
          WHEN c.author_account_id IS NOT NULL THEN 'account:' || CAST(c.author_account_id AS TEXT)
          WHEN c.client_hash IS NOT NULL THEN 'client:' || c.client_hash
          WHEN c.ip_hash IS NOT NULL THEN 'ip:' || c.ip_hash
          WHEN c.author_email IS NOT NULL THEN '+email:' || c.author_email
          WHEN c.author_username IS NOT NULL THEN '+user:' || c.author_username
          WHEN c.author_name IS NOT NULL THEN '+name:' || c.author_name END AS author_key
      FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :site""";

  private final Database db;
  private final Clock clock;
  private final ImportedAuthors imported;

  public AuthorDirectory(Database db, Clock clock, ImportedAuthors imported) {
    this.db = db;
    this.clock = clock;
    this.imported = imported;
  }

  /** Which authors to list. */
  public enum Filter { ALL, SUSPENDED, BANNED }

  public enum Standing { NONE, SUSPENDED, BANNED }

  /** {@code latestComment}: their newest comment's id, which a link to an imported author's page carries. */
  public record Entry(String key, String name, String email, int comments, int published, int rejected,
      Instant lastActive, Standing standing, long latestComment) {}

  /** {@code query}: part of a name or email, case-insensitive; blank lists everyone. */
  public List<Entry> list(String siteId, String query, Filter filter) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    String search = q.isEmpty() ? "" : " " + """
         HAVING SUM(CASE WHEN LOWER(k.author_name) LIKE :like OR LOWER(COALESCE(k.author_email, '')) LIKE :like
           THEN 1 ELSE 0 END) > 0""";
    List<String> banned = filter == Filter.ALL ? List.of() : importedBanned(siteId, filter);
    String orImported = banned.isEmpty() ? "" : " OR g.author_key IN (<imported>)";
    String where = switch (filter) {
      case ALL -> "";
      case SUSPENDED -> " WHERE (g.ban = 1" + orImported + ")";
      case BANNED -> " WHERE (g.ban = 0" + orImported + ")";
    };
    List<Entry> rows = db.read(h -> {
      var select = h.createQuery("SELECT * FROM (SELECT k.author_key, MAX(k.author_name) AS name,"
            + " MAX(k.author_email) AS email, COUNT(*) AS comments,"
            + " SUM(CASE WHEN k.state = 'published' THEN 1 ELSE 0 END) AS published,"
            + " SUM(CASE WHEN k.state = 'rejected' THEN 1 ELSE 0 END) AS rejected, MAX(k.created_at) AS last_at,"
            + " MAX(k.id) AS latest,"
            // 0: banned for good, 1: suspended, null: neither (imported authors' bans are looked up afterwards)
            + " (SELECT MIN(CASE WHEN b.expires_at IS NULL THEN 0 ELSE 1 END) FROM bans b WHERE b.site_id = :site"
            + "   AND b.author_key = k.author_key AND (b.expires_at IS NULL OR b.expires_at > :now)) AS ban"
            + " FROM (" + KEYED + ") k WHERE k.author_key IS NOT NULL GROUP BY k.author_key" + search + ") g"
            + where + " ORDER BY g.last_at DESC, g.author_key LIMIT :limit")
          .bind("site", siteId).bind("now", clock.millis()).bind("limit", LIMIT);
      if (!q.isEmpty()) select.bind("like", "%" + withoutWildcards(q) + "%");
      if (!banned.isEmpty()) select.bindList("imported", banned);
      return select.map((rs, ctx) -> {
          int ban = rs.getInt("ban");
          Standing standing = rs.wasNull() ? Standing.NONE : standing(ban);
          return new Entry(rs.getString("author_key"), rs.getString("name"), rs.getString("email"),
              rs.getInt("comments"), rs.getInt("published"), rs.getInt("rejected"),
              Instant.ofEpochMilli(rs.getLong("last_at")), standing, rs.getLong("latest"));
        }).list();
    });
    return withImportedKeys(siteId, rows);
  }

  private static Standing standing(int ban) {
    return ban == 0 ? Standing.BANNED : Standing.SUSPENDED;
  }

  // the groups ('+kind:value') of the imported authors under a ban of this kind now; resolving them reads the site's
  // imported identities, so it happens only when the list is filtered by bans and such a ban exists
  private List<String> importedBanned(String siteId, Filter filter) {
    List<String> keys = db.read(h -> h.createQuery("""
            SELECT author_key FROM bans WHERE site_id = :site
              AND (author_key LIKE 'email:%' OR author_key LIKE 'user:%' OR author_key LIKE 'name:%')
              AND (expires_at IS NULL OR expires_at > :now)
            GROUP BY author_key HAVING MIN(CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END) = :ban""")
        .bind("site", siteId).bind("now", clock.millis()).bind("ban", filter == Filter.BANNED ? 0 : 1)
        .mapTo(String.class).list());
    if (keys.isEmpty()) return List.of();
    return imported.resolve(siteId, keys).entrySet().stream()
        .map(e -> IMPORTED + e.getKey().substring(0, e.getKey().indexOf(':') + 1) + e.getValue()).toList();
  }

  // an imported author's group becomes their key, and their ban is looked up by it; groups whose values differ only
  // as AuthorRef.Source normalizes them (an email's case or spaces) are one author
  private List<Entry> withImportedKeys(String siteId, List<Entry> rows) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (Entry e : rows) {
      String key = e.key();
      if (key.startsWith(IMPORTED)) {
        int colon = key.indexOf(':');
        key = ImportedAuthors.source(key.substring(1, colon), key.substring(colon + 1)).key();
        if (key == null) continue; // only blanks: nothing to name them by
      }
      Entry keyed = new Entry(key, e.name(), e.email(), e.comments(), e.published(), e.rejected(), e.lastActive(),
          e.standing(), e.latestComment());
      byKey.merge(key, keyed, (a, b) -> new Entry(a.key(), a.name(), a.email(), a.comments() + b.comments(),
          a.published() + b.published(), a.rejected() + b.rejected(), a.lastActive(), a.standing(),
          Math.max(a.latestComment(), b.latestComment())));
    }
    List<Entry> keyed = List.copyOf(byKey.values());
    List<String> importedKeys = keyed.stream().map(Entry::key).filter(parley.moderation.AuthorRef::isImported)
        .toList();
    if (importedKeys.isEmpty()) return keyed;
    Map<String, Integer> bans = db.read(h -> h.createQuery("""
            SELECT author_key, MIN(CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END) AS ban FROM bans
            WHERE site_id = :site AND author_key IN (<keys>) AND (expires_at IS NULL OR expires_at > :now)
            GROUP BY author_key""")
        .bind("site", siteId).bindList("keys", importedKeys).bind("now", clock.millis())
        .map((rs, ctx) -> Map.entry(rs.getString("author_key"), rs.getInt("ban"))).collectToMap(Map.Entry::getKey,
            Map.Entry::getValue));
    return keyed.stream().map(e -> !bans.containsKey(e.key()) ? e : new Entry(e.key(), e.name(), e.email(),
        e.comments(), e.published(), e.rejected(), e.lastActive(), standing(bans.get(e.key())), e.latestComment()))
        .toList();
  }

  // a name search needs no patterns: wildcards typed in the box are dropped rather than escaped per dialect
  private static String withoutWildcards(String q) {
    return q.replace("%", "").replace("_", "");
  }
}
