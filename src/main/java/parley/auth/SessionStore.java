package parley.auth;

import java.time.Clock;
import parley.kit.Tokens;
import java.time.Duration;
import java.util.Optional;
import parley.store.Database;

/**
 * Sessions by the SHA-256 of their token; the token itself is never stored. A {@link Kind#COOKIE} session is the
 * dashboard's (cookie + CSRF token); a {@link Kind#WIDGET} session is a reader's in the embed script, sent in a header.
 */
public final class SessionStore {
  private final Database db;

  private final Clock clock;

  public SessionStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  public enum Kind { COOKIE, WIDGET }

  public record Session(long accountId, String csrfToken, long expiresAt, Kind kind) {}

  /** A new cookie session; returns the cookie token (shown to the browser once). */
  public String create(long accountId, String csrfToken, Duration ttl) {
    return create(accountId, csrfToken, ttl, Kind.COOKIE);
  }

  public String create(long accountId, String csrfToken, Duration ttl, Kind kind) {
    String token = Tokens.newToken();
    long now = clock.millis();
    db.write(h -> {
      h.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", now).execute();
      return h.createUpdate("""
              INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, kind)
              VALUES (:hash, :account, :csrf, :now, :expires, :kind)""")
          .bind("hash", Tokens.sha256(token)).bind("account", accountId).bind("csrf", csrfToken)
          .bind("now", now).bind("expires", now + ttl.toMillis()).bind("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
          .execute();
    });
    return token;
  }

  public Optional<Session> find(String token) {
    if (token == null || token.isBlank()) return Optional.empty();
    return db.read(h -> h.createQuery(
            "SELECT account_id, csrf_token, expires_at, kind FROM sessions WHERE token_hash = :hash AND expires_at > :now")
        .bind("hash", Tokens.sha256(token)).bind("now", clock.millis())
        .map((rs, ctx) -> new Session(rs.getLong("account_id"), rs.getString("csrf_token"), rs.getLong("expires_at"),
            Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT))))
        .findOne());
  }

  public void delete(String token) {
    if (token == null) return;
    db.write(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
        .bind("hash", Tokens.sha256(token)).execute());
  }

  /** Ends every session of an account (password reset, deletion). */
  public void deleteAll(long accountId) {
    db.write(h -> h.createUpdate("DELETE FROM sessions WHERE account_id = :account").bind("account", accountId).execute());
  }
}
