package parley.defence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof-of-work challenges in the manner of ALTCHA: the server picks a secret number {@code n ≤ maxNumber} and
 * publishes {@code SHA-256(salt + n)} with an HMAC of it; the browser tries numbers until the hash matches (on
 * average {@code maxNumber / 2} hashes), the server checks one hash and one HMAC. The salt carries the expiry and the
 * site, so a solution is bound to both. Pure: no storage (replays are refused by {@link SpentStore}). Thread-safe.
 */
public final class ProofOfWork {
  public static final String ALGORITHM = "SHA-256";
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public ProofOfWork(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** What the browser gets: find {@code number} with {@code SHA-256(salt + number) = challenge}. */
  public record Challenge(String algorithm, String challenge, String salt, long maxNumber, String signature,
      Instant expiresAt) {}

  /** What the browser sends back with its comment. */
  public record Solution(String salt, long number, String signature) {}

  public enum Check { VALID, INVALID, EXPIRED }

  public Challenge issue(String siteId, long maxNumber, Instant expiresAt) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "." + expiresAt.getEpochSecond()
        + "." + siteId;
    String challenge = sha256(salt + RANDOM.nextLong(maxNumber + 1));
    return new Challenge(ALGORITHM, challenge, salt, maxNumber, hmac(challenge), expiresAt);
  }

  /** Checks the hash and its signature first, so the expiry and site read from the salt are the server's own. */
  public Check verify(Solution s, String siteId, Instant now) {
    if (s.salt() == null || s.signature() == null || s.number() < 0 || s.salt().length() > 300) return Check.INVALID;
    String[] parts = s.salt().split("\\.", 3);
    if (parts.length != 3) return Check.INVALID;
    if (!MessageDigest.isEqual(hmac(sha256(s.salt() + s.number())).getBytes(StandardCharsets.US_ASCII),
        s.signature().getBytes(StandardCharsets.US_ASCII))) {
      return Check.INVALID;
    }
    if (!parts[2].equals(siteId)) return Check.INVALID;
    return now.getEpochSecond() > expiry(s).getEpochSecond() ? Check.EXPIRED : Check.VALID;
  }

  /** When the challenge a (valid) solution answers stops being accepted. */
  public static Instant expiry(Solution s) {
    return Instant.ofEpochSecond(Long.parseLong(s.salt().split("\\.", 3)[1]));
  }

  static String sha256(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
