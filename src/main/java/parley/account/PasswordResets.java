package parley.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import parley.i18n.Lang;
import parley.i18n.Messages;
import parley.kit.Tokens;
import parley.mail.Email;
import parley.mail.Outbox;
import parley.store.Database;

/**
 * Password-reset tokens. A token is 256 random bits; only its SHA-256 is stored, so a copy of the database yields no
 * usable token (a signature would add nothing: single use needs the row anyway). It works once, within {@link #TTL}.
 * The email is queued in the transaction that stores the token, through the outbox. Thread-safe.
 */
final class PasswordResets {
  static final Duration TTL = Duration.ofHours(1);
  /** The fragment the widget looks for on page load: fragments never reach the host site's server or its logs. */
  static final String FRAGMENT = "#parley-reset=";
  private final Database db;
  private final Outbox outbox;
  private final Clock clock;

  PasswordResets(Database db, Outbox outbox, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Stores a new token and queues the email linking to {@code page} (the article the reader asked from). */
  void send(long accountId, String email, String page, Lang lang) {
    String token = Tokens.newToken();
    long now = clock.millis();
    int hash = page.indexOf('#');
    String link = (hash < 0 ? page : page.substring(0, hash)) + FRAGMENT + token;
    db.write(h -> {
      h.createUpdate("""
              INSERT INTO password_resets (token_hash, account_id, created_at, expires_at)
              VALUES (:hash, :account, :now, :expires)""")
          .bind("hash", Tokens.sha256(token)).bind("account", accountId).bind("now", now)
          .bind("expires", now + TTL.toMillis()).execute();
      Messages t = Messages.of(lang);
      outbox.enqueue(h, new Email(email, t.get("mail.reset.subject"), t.get("mail.reset.body", link) + "\n"));
      return null;
    });
  }

  /** Uses up a live token: the account it was for, or empty when it is unknown, used or expired. */
  Optional<Long> redeem(String token) {
    long now = clock.millis();
    return db.write(h -> {
      Optional<Long> account = h.createQuery("""
              UPDATE password_resets SET used_at = :now
              WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now RETURNING account_id""")
          .bind("now", now).bind("hash", Tokens.sha256(token)).mapTo(Long.class).findOne();
      // one reset ends the others still out there for the same account
      account.ifPresent(id -> h.createUpdate("DELETE FROM password_resets WHERE account_id = :a AND used_at IS NULL")
          .bind("a", id).execute());
      return account;
    });
  }

  /** Every reset token of an account being erased, inside the erasure's write. */
  static void forget(org.jdbi.v3.core.Handle h, long accountId) {
    h.createUpdate("DELETE FROM password_resets WHERE account_id = :account").bind("account", accountId).execute();
  }
}
