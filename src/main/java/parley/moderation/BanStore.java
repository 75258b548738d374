package parley.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import parley.store.Database;

/**
 * Site-wide bans on an author's identities (account, browser id, IP hash, email hash): see {@link BanScope}. A ban with
 * an end time is a suspension: it lapses by itself when the clock passes {@code expiresAt}, no sweeper needed.
 */
public final class BanStore {
  private final Database db;

  private final Clock clock;

  public BanStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  /** {@code covers}: which of the author's identities this row bans (account, client, address, email). */
  public record Ban(long id, String siteId, String authorKey, String covers, String authorName, String reason,
      Instant createdAt, Instant expiresAt) {
    /** A timed suspension rather than a permanent ban. */
    public boolean suspension() {
      return expiresAt != null;
    }
  }

  /** How an email is keyed: trimmed, lower-cased, hashed. */
  public static String emailHash(String email) {
    return parley.kit.Tokens.sha256(email.strip().toLowerCase(java.util.Locale.ROOT));
  }

  public boolean isBanned(String siteId, List<String> keys) {
    return active(siteId, keys).isPresent();
  }

  /** The ban in force on any of the keys now: a permanent one first, else the suspension that ends last. */
  public Optional<Ban> active(String siteId, List<String> keys) {
    if (keys.isEmpty()) return Optional.empty();
    return db.read(h -> h.createQuery("""
            SELECT * FROM bans WHERE site_id = :site AND author_key IN (<keys>)
              AND (expires_at IS NULL OR expires_at > :now)
            ORDER BY CASE WHEN expires_at IS NULL THEN 0 ELSE 1 END, expires_at DESC, id DESC LIMIT 1""")
        .bind("site", siteId).bindList("keys", keys).bind("now", clock.millis()).map(BanStore::row).findOne());
  }

  /** Bans every key; keys already banned stay as they were. Runs inside the caller's write. */
  public void ban(Handle h, String siteId, List<String> keys, String name, String reason, Long by) {
    ban(h, siteId, keys, name, reason, by, null);
  }

  /**
   * Bans every key until {@code expiresAt} (null: for good). A new ban or suspension replaces an earlier suspension on
   * the same key; a permanent ban stays as it was, so suspending a banned author cannot shorten their ban.
   */
  public void ban(Handle h, String siteId, List<String> keys, String name, String reason, Long by, Instant expiresAt) {
    for (String key : keys) {
      h.createUpdate("DELETE FROM bans WHERE site_id = :site AND author_key = :key AND expires_at IS NOT NULL")
          .bind("site", siteId).bind("key", key).execute();
      h.createUpdate("""
              INSERT INTO bans (site_id, author_key, author_name, reason, created_by, created_at, expires_at)
              VALUES (:site, :key, :name, :reason, :by, :now, :until)
              ON CONFLICT (site_id, author_key) DO NOTHING""")
          .bind("site", siteId).bind("key", key).bind("name", name).bind("reason", reason).bind("by", by)
          .bind("now", clock.millis()).bind("until", expiresAt == null ? null : expiresAt.toEpochMilli()).execute();
    }
  }

  public void unban(Handle h, String siteId, List<String> keys) {
    if (keys.isEmpty()) return;
    h.createUpdate("DELETE FROM bans WHERE site_id = :site AND author_key IN (<keys>)")
        .bind("site", siteId).bindList("keys", keys).execute();
  }

  /** Bans an erased account made stay, without the account, in the erasure's transaction. */
  public static void forgetCreator(Handle h, long accountId) {
    h.createUpdate("UPDATE bans SET created_by = NULL WHERE created_by = :account").bind("account", accountId).execute();
  }

  public List<Ban> list(String siteId) {
    return db.read(h -> h.createQuery("""
            SELECT * FROM bans WHERE site_id = :site AND (expires_at IS NULL OR expires_at > :now)
            ORDER BY id DESC LIMIT 500""")
        .bind("site", siteId).bind("now", clock.millis()).map(BanStore::row).list());
  }

  private static Ban row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    long until = rs.getLong("expires_at");
    Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(until);
    return new Ban(rs.getLong("id"), rs.getString("site_id"), rs.getString("author_key"),
        BanScope.describe(rs.getString("author_key")), rs.getString("author_name"), rs.getString("reason"),
        Instant.ofEpochMilli(rs.getLong("created_at")), expiresAt);
  }
}
