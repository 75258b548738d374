package parley.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import parley.store.Database;

/** Site-wide bans on an author's identities (account, browser id, IP hash, email hash): see {@link BanScope}. */
public final class BanStore {
  private final Database db;

  private final Clock clock;

  public BanStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  /** {@code covers}: which of the author's identities this row bans (account, client, address, email). */
  public record Ban(long id, String siteId, String authorKey, String covers, String authorName, String reason,
      Instant createdAt) {}

  /** How an email is keyed: trimmed, lower-cased, hashed. */
  public static String emailHash(String email) {
    return parley.kit.Tokens.sha256(email.strip().toLowerCase(java.util.Locale.ROOT));
  }

  public boolean isBanned(String siteId, List<String> keys) {
    if (keys.isEmpty()) return false;
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM bans WHERE site_id = :site AND author_key IN (<keys>)")
        .bind("site", siteId).bindList("keys", keys).mapTo(Integer.class).one() > 0);
  }

  /** Bans every key; keys already banned stay as they were. Runs inside the caller's write. */
  public void ban(Handle h, String siteId, List<String> keys, String name, String reason, Long by) {
    for (String key : keys) {
      h.createUpdate("""
              INSERT INTO bans (site_id, author_key, author_name, reason, created_by, created_at)
              VALUES (:site, :key, :name, :reason, :by, :now) ON CONFLICT (site_id, author_key) DO NOTHING""")
          .bind("site", siteId).bind("key", key).bind("name", name).bind("reason", reason).bind("by", by)
          .bind("now", clock.millis()).execute();
    }
  }

  public void unban(Handle h, String siteId, List<String> keys) {
    if (keys.isEmpty()) return;
    h.createUpdate("DELETE FROM bans WHERE site_id = :site AND author_key IN (<keys>)")
        .bind("site", siteId).bindList("keys", keys).execute();
  }

  public List<Ban> list(String siteId) {
    return db.read(h -> h.createQuery("SELECT * FROM bans WHERE site_id = :site ORDER BY id DESC LIMIT 500")
        .bind("site", siteId)
        .map((rs, ctx) -> new Ban(rs.getLong("id"), rs.getString("site_id"), rs.getString("author_key"),
            BanScope.describe(rs.getString("author_key")), rs.getString("author_name"), rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("created_at"))))
        .list());
  }
}
