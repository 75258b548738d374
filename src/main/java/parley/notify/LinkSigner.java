package parley.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import parley.kit.Tokens;
import parley.store.Database;

/**
 * Signs the payloads of links sent by email (confirm, unsubscribe) with HMAC-SHA256 under a secret kept in the
 * database, so every instance checks every link and no link needs a stored token. Thread-safe.
 */
final class LinkSigner {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;

  LinkSigner(byte[] key) {
    this.key = key.clone();
  }

  /** The secret named {@code name}, made on first use; two instances starting together agree on one. */
  static LinkSigner load(Database db, String name, Clock clock) {
    String secret = db.write(h -> {
      h.createUpdate("INSERT INTO signing_keys (name, secret, created_at) VALUES (:n, :s, :now) ON CONFLICT DO NOTHING")
          .bind("n", name).bind("s", Tokens.newToken()).bind("now", clock.millis()).execute();
      return h.createQuery("SELECT secret FROM signing_keys WHERE name = :n").bind("n", name).mapTo(String.class).one();
    });
    return new LinkSigner(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code payload} (URL-safe characters only) followed by its signature. */
  String sign(String payload) {
    return payload + "~" + B64.encodeToString(mac(payload));
  }

  /** The payload of a genuine token, empty for anything else. */
  Optional<String> verify(String token) {
    if (token == null || token.length() > 600) return Optional.empty();
    int cut = token.lastIndexOf('~');
    if (cut <= 0) return Optional.empty();
    String payload = token.substring(0, cut);
    byte[] given = token.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = B64.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, expected) ? Optional.of(payload) : Optional.empty();
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
