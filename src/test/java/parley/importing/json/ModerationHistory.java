package parley.importing.json;

import java.util.List;
import java.util.Map;
import parley.auth.Account;
import parley.auth.AccountStore;
import parley.auth.AccountStore.NewAccount;
import parley.auth.Role;
import parley.moderation.BanStore;
import parley.moderation.Policy;
import parley.moderation.PolicyStore;
import parley.moderation.queue.AuditAction;
import parley.moderation.queue.AuditStore;
import parley.moderation.queue.ReportStore;
import parley.store.Database;

/**
 * Gives a site the moderation history a round trip must carry, written through the moderation stores: a policy, a
 * moderator and an admin, a registered and an SSO commenter, reports, a ban and audit entries (one undone), plus a
 * session and an SSO secret that must stay out of the export.
 */
final class ModerationHistory {
  static final String HASH = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$bm90LWEtcmVhbC1oYXNo";

  private ModerationHistory() {}

  /** Adds the history to {@code site}, whose comments include {@code commentId}; returns the moderator's email. */
  static String add(Database db, String site, long commentId) {
    AccountStore accounts = new AccountStore(db, java.time.Clock.systemUTC());
    String email = "mod-" + site + "@example.org";
    Account mod = accounts.create(new NewAccount(email, "Mo Derator", HASH, null, null));
    Account admin = accounts.create(new NewAccount("admin-" + site + "@example.org", "Ad Min", HASH, null, null));
    Account reader = accounts.create(new NewAccount("reader-" + site + "@example.org", "Rea Der", HASH, null, null));
    Account sso = accounts.create(new NewAccount(null, "Sso Reader", null, site, "subject-1"));
    accounts.create(new NewAccount("stranger-" + site + "@example.org", "Not Exported", HASH, null, null));
    accounts.grant(mod.id(), site, Role.MODERATOR);
    accounts.grant(admin.id(), site, Role.ADMIN);
    new PolicyStore(db, java.time.Clock.systemUTC()).save(site, Policy.defaults());
    ReportStore reports = new ReportStore(db, java.time.Clock.systemUTC());
    reports.report(commentId, "reporter-1", "spam", "buy pills", 1);
    reports.report(commentId, "reporter-2", "other", null, 1);
    BanStore bans = new BanStore(db, java.time.Clock.systemUTC());
    AuditStore audit = new AuditStore(db, java.time.Clock.systemUTC());
    db.write(h -> {
      h.createUpdate("UPDATE comments SET author_account_id = :a WHERE id = :id")
          .bind("a", reader.id()).bind("id", commentId).execute();
      bans.ban(h, site, List.of("client:abc", "email:troll@example.org"), "Troll", "spam", mod.id());
      audit.append(h, new AuditStore.NewEntry(site, mod.id(), "Mo Derator", AuditAction.REJECT, commentId,
          Map.of("state", "published"), Map.of("state", "rejected"), "reported twice"));
      long undone = audit.append(h, new AuditStore.NewEntry(site, admin.id(), "Ad Min", AuditAction.BAN, null, null, null,
          "Troll"));
      audit.markUndone(h, undone);
      audit.append(h, new AuditStore.NewEntry(site, null, "system", AuditAction.OPEN_THREAD, null, null, null, null));
      h.createUpdate("INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) "
          + "VALUES (:t, :a, 'csrf-secret', 1, 2)").bind("t", "session-" + site).bind("a", mod.id()).execute();
      h.createUpdate("INSERT INTO site_secrets (site_id, sso_secret, updated_at) VALUES (:s, 'sso-secret', 1)")
          .bind("s", site).execute();
      // the SSO commenter's own comment: the account must come before the comments that refer to it
      h.createUpdate("UPDATE comments SET author_account_id = :a WHERE id = (SELECT MAX(c.id) FROM comments c "
          + "JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :s)").bind("a", sso.id()).bind("s", site).execute();
      return null;
    });
    return email;
  }
}
