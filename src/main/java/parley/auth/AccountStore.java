package parley.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.store.Database;

/** SQL for accounts and their per-site roles. */
public final class AccountStore {
  private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(rs.getLong("id"), rs.getString("email"),
      rs.getString("display_name"), rs.getString("password_hash"), rs.getString("sso_site"),
      rs.getString("sso_subject"), Instant.ofEpochMilli(rs.getLong("created_at")));

  private final Database db;

  private final Clock clock;

  public AccountStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  public record NewAccount(String email, String displayName, String passwordHash, String ssoSite, String ssoSubject) {}

  public Account create(NewAccount a) {
    long id = db.write(h -> h.createQuery("""
            INSERT INTO accounts (email, display_name, password_hash, sso_site, sso_subject, created_at)
            VALUES (:email, :name, :hash, :site, :subject, :now) RETURNING id""")
        .bind("email", a.email() == null ? null : a.email().toLowerCase(Locale.ROOT))
        .bind("name", a.displayName()).bind("hash", a.passwordHash()).bind("site", a.ssoSite())
        .bind("subject", a.ssoSubject()).bind("now", clock.millis())
        .mapTo(Long.class).one());
    return find(id).orElseThrow();
  }

  public Optional<Account> find(long id) {
    return db.read(h -> h.createQuery("SELECT * FROM accounts WHERE id = :id").bind("id", id).map(ACCOUNT).findOne());
  }

  /** A local (password) account by email, case-insensitively. */
  public Optional<Account> findLocal(String email) {
    return db.read(h -> h.createQuery("SELECT * FROM accounts WHERE email = :email AND sso_site IS NULL")
        .bind("email", email.toLowerCase(Locale.ROOT)).map(ACCOUNT).findOne());
  }

  public Optional<Account> findSso(String siteId, String subject) {
    return db.read(h -> h.createQuery("SELECT * FROM accounts WHERE sso_site = :site AND sso_subject = :subject")
        .bind("site", siteId).bind("subject", subject).map(ACCOUNT).findOne());
  }

  /** The profile columns of the account row: what a reader sees and sets about themselves. */
  public Optional<Profile> profile(long accountId) {
    return db.read(h -> h.createQuery("""
            SELECT id, email, display_name, avatar_hue, notify_replies, created_at FROM accounts WHERE id = :id""")
        .bind("id", accountId)
        .map((rs, ctx) -> {
          int stored = rs.getInt("avatar_hue");
          Integer hue = rs.wasNull() ? null : stored; // before any other column is read
          return new Profile(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), hue,
              rs.getInt("notify_replies") == 1, Instant.ofEpochMilli(rs.getLong("created_at")));
        })
        .findOne());
  }

  // one statement per field given, in one transaction: no NULL parameters whose type PostgreSQL would have to guess
  public void changeProfile(long accountId, Profile.Change c) {
    db.write(h -> {
      if (c.name() != null) {
        h.createUpdate("UPDATE accounts SET display_name = :v WHERE id = :id").bind("v", c.name()).bind("id", accountId).execute();
      }
      if (c.clearHue()) {
        h.createUpdate("UPDATE accounts SET avatar_hue = NULL WHERE id = :id").bind("id", accountId).execute();
      } else if (c.hue() != null) {
        h.createUpdate("UPDATE accounts SET avatar_hue = :v WHERE id = :id").bind("v", c.hue().intValue()).bind("id", accountId).execute();
      }
      if (c.notifyReplies() != null) {
        h.createUpdate("UPDATE accounts SET notify_replies = :v WHERE id = :id")
            .bind("v", c.notifyReplies() ? 1 : 0).bind("id", accountId).execute();
      }
      return null;
    });
  }

  public void updateProfile(long id, String displayName, String email) {
    db.write(h -> h.createUpdate("UPDATE accounts SET display_name = :name, email = :email WHERE id = :id")
        .bind("name", displayName).bind("email", email).bind("id", id).execute());
  }

  public void setPassword(long id, String hash) {
    db.write(h -> h.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id")
        .bind("hash", hash).bind("id", id).execute());
  }

  public void grant(long accountId, String siteId, Role role) {
    db.write(h -> h.createUpdate("""
            INSERT INTO site_roles (account_id, site_id, role) VALUES (:account, :site, :role)
            ON CONFLICT (account_id, site_id) DO UPDATE SET role = excluded.role""")
        .bind("account", accountId).bind("site", siteId).bind("role", role.key()).execute());
  }

  public void revoke(long accountId, String siteId) {
    db.write(h -> h.createUpdate("DELETE FROM site_roles WHERE account_id = :account AND site_id = :site")
        .bind("account", accountId).bind("site", siteId).execute());
  }

  /** Deletes the account with its sessions and roles, in the caller's transaction (its erasure). */
  public static void delete(Handle h, long accountId) {
    for (String sql : List.of(
        "DELETE FROM sessions WHERE account_id = :account",
        "DELETE FROM site_roles WHERE account_id = :account",
        "DELETE FROM accounts WHERE id = :account")) {
      h.createUpdate(sql).bind("account", accountId).execute();
    }
  }

  public Map<String, Role> roles(long accountId) {
    Map<String, Role> roles = new LinkedHashMap<>();
    db.read(h -> h.createQuery("SELECT site_id, role FROM site_roles WHERE account_id = :account ORDER BY site_id")
        .bind("account", accountId)
        .map((rs, ctx) -> Map.entry(rs.getString("site_id"), Role.fromKey(rs.getString("role")))).list())
        .forEach(e -> roles.put(e.getKey(), e.getValue()));
    return roles;
  }

  /** What readers may see of a signed-in author: staff of the site or not, and the avatar hue they chose (or null). */
  public record PublicFace(long accountId, boolean staff, Integer hue) {}

  /** The public faces of these accounts on a site, one indexed query. */
  public List<PublicFace> publicFaces(String siteId, java.util.Collection<Long> accountIds) {
    if (accountIds.isEmpty()) return List.of();
    return db.read(h -> h.createQuery("""
            SELECT a.id, a.avatar_hue,
              EXISTS (SELECT 1 FROM site_roles r WHERE r.account_id = a.id AND r.site_id = :site) AS staff
            FROM accounts a WHERE a.id IN (<ids>)""")
        .bind("site", siteId).bindList("ids", List.copyOf(accountIds))
        .map((rs, ctx) -> {
          int hue = rs.getInt("avatar_hue");
          Integer chosen = rs.wasNull() ? null : hue;
          return new PublicFace(rs.getLong("id"), rs.getBoolean("staff"), chosen);
        }).list());
  }

  /** Moderators and admins of a site, by email. */
  public record Member(long accountId, String email, String displayName, Role role) {}

  public List<Member> members(String siteId) {
    return db.read(h -> h.createQuery("""
            SELECT a.id, a.email, a.display_name, r.role FROM site_roles r JOIN accounts a ON a.id = r.account_id
            WHERE r.site_id = :site ORDER BY r.role, a.email""")
        .bind("site", siteId)
        .map((rs, ctx) -> new Member(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
            Role.fromKey(rs.getString("role")))).list());
  }
}
