package parley.auth;

import java.time.Clock;
import parley.kit.Tokens;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Optional;
import parley.auth.AccountStore.NewAccount;
import parley.store.Database;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Single sign-on: the host site signs a short-lived HS256 JWT with its Parley secret. Claims: {@code aud} = the
 * Parley site id, {@code sub} = the site's user id, {@code name}, optional {@code email}, and {@code exp} at most
 * {@value #MAX_LIFETIME_SECONDS} s after {@code iat}. Each (site, sub) maps to one Parley account.
 */
public final class SsoService {
  static final long MAX_LIFETIME_SECONDS = 24 * 3600;
  private final Database db;
  private final AccountStore accounts;

  private final Clock clock;

  public SsoService(Database db, AccountStore accounts, Clock clock) {
    this.clock = clock;
    this.db = db;
    this.accounts = accounts;
  }

  /** Makes a new secret for the site (the old one stops working) and returns it. */
  public String rotateSecret(String siteId) {
    String secret = Tokens.newToken();
    db.write(h -> h.createUpdate("""
            INSERT INTO site_secrets (site_id, sso_secret, updated_at) VALUES (:site, :secret, :now)
            ON CONFLICT (site_id) DO UPDATE SET sso_secret = excluded.sso_secret, updated_at = excluded.updated_at""")
        .bind("site", siteId).bind("secret", secret).bind("now", clock.millis()).execute());
    return secret;
  }

  public boolean hasSecret(String siteId) {
    return secret(siteId).isPresent();
  }

  private Optional<String> secret(String siteId) {
    return db.read(h -> h.createQuery("SELECT sso_secret FROM site_secrets WHERE site_id = :site")
        .bind("site", siteId).mapTo(String.class).findOne());
  }

  /** Verifies the token and returns its account, creating or updating it from the claims. */
  public Account verify(String token) {
    DecodedJWT unverified;
    try {
      unverified = JWT.decode(token);
    } catch (JWTVerificationException e) {
      throw invalid("The token is not a JWT.");
    }
    String site = unverified.getAudience() == null || unverified.getAudience().size() != 1
        ? null : unverified.getAudience().getFirst();
    if (site == null) throw invalid("The token needs 'aud' set to the Parley site id.");
    String secret = secret(site).orElseThrow(() -> invalid("Single sign-on is not set up for this site."));
    DecodedJWT jwt = verified(token, site, secret);
    String name = jwt.getClaim("name").asString();
    if (name == null || name.isBlank() || name.length() > 80) throw invalid("The token needs a 'name' (≤ 80 chars).");
    String email = jwt.getClaim("email").asString();
    Account account = accounts.findSso(site, jwt.getSubject()).orElse(null);
    if (account == null) return accounts.create(new NewAccount(email, name.strip(), null, site, jwt.getSubject()));
    if (!name.strip().equals(account.displayName()) || (email != null && !email.equals(account.email()))) {
      accounts.updateProfile(account.id(), name.strip(), email);
      return accounts.find(account.id()).orElseThrow();
    }
    return account;
  }

  private DecodedJWT verified(String token, String site, String secret) {
    var verification = JWT.require(Algorithm.HMAC256(secret)).withAudience(site)
        .withClaimPresence("sub").withClaimPresence("exp").acceptLeeway(30);
    // expiry is checked against our clock too, so the whole check runs on one time
    JWTVerifier verifier = ((JWTVerifier.BaseVerification) verification).build(clock);
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (JWTVerificationException e) {
      throw invalid("The token was refused: " + e.getMessage());
    }
    long iat = jwt.getIssuedAtAsInstant() == null ? clock.millis() / 1000 : jwt.getIssuedAtAsInstant().getEpochSecond();
    if (jwt.getExpiresAtAsInstant().getEpochSecond() - iat > MAX_LIFETIME_SECONDS) {
      throw invalid("The token lives too long; tokens must expire within a day.");
    }
    return jwt;
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.SSO_TOKEN_INVALID, message);
  }
}
