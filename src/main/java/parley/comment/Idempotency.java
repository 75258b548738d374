package parley.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import parley.kit.Tokens;
import parley.store.Database;

/**
 * Durable idempotency keys for new comments: a retry with the same key within {@link #TTL} gets the comment the
 * first request created instead of a duplicate. The row is written in the comment's own transaction, so a crash
 * leaves both or neither. The edit token is stored sealed with the raw key, which only the reader holds. Thread-safe.
 */
final class Idempotency {
  static final Duration TTL = Duration.ofHours(24);
  private static final int MAX_KEY_CHARS = 200;

  private final Database db;
  private final AtomicLong lastPurge = new AtomicLong();

  Idempotency(Database db) {
    this.db = db;
  }

  /** One reader's key for one site, and a fingerprint of what they asked for. */
  record Key(String scope, String hash, String requestHash) {
    /** {@code identity} is the reader's client id or account; {@code raw} the Idempotency-Key header. */
    static Key of(String raw, String siteId, String identity, String... request) {
      if (raw.isBlank() || raw.length() > MAX_KEY_CHARS || !raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new parley.kit.ApiException(parley.kit.ErrorCode.VALIDATION_FAILED,
            "'Idempotency-Key' is 1 to " + MAX_KEY_CHARS + " visible ASCII characters.");
      }
      String scope = identity + "\u0000" + siteId + "\u0000" + raw;
      return new Key(scope, Tokens.sha256(scope), Tokens.sha256(String.join("\u0000", request)));
    }
  }

  record Earlier(long commentId, String requestHash, String editToken) {}

  Optional<Earlier> find(Key key, Instant now) {
    return db.read(h -> h.createQuery("""
            SELECT request_hash, comment_id, edit_token FROM idempotency_keys
            WHERE key_hash = :key AND created_at > :since""")
        .bind("key", key.hash()).bind("since", now.minus(TTL).toEpochMilli())
        .map((rs, ctx) -> new Earlier(rs.getLong("comment_id"), rs.getString("request_hash"),
            unseal(key, rs.getString("edit_token"))))
        .findOne());
  }

  /** Inside the comment's write: false when a concurrent request with this key got there first. */
  boolean remember(Handle h, Key key, long commentId, String editToken, Instant now) {
    purgeExpired(h, now);
    return h.createUpdate("""
            INSERT INTO idempotency_keys (key_hash, request_hash, comment_id, edit_token, created_at)
            VALUES (:key, :request, :comment, :token, :now) ON CONFLICT (key_hash) DO NOTHING""")
        .bind("key", key.hash()).bind("request", key.requestHash()).bind("comment", commentId)
        .bind("token", seal(key, editToken)).bind("now", now.toEpochMilli()).execute() == 1;
  }

  // at most once a minute per process; expired rows are also ignored by find()
  private void purgeExpired(Handle h, Instant now) {
    long last = lastPurge.get();
    if (now.toEpochMilli() - last < 60_000 || !lastPurge.compareAndSet(last, now.toEpochMilli())) return;
    h.createUpdate("DELETE FROM idempotency_keys WHERE created_at <= :since")
        .bind("since", now.minus(TTL).toEpochMilli()).execute();
  }

  /** XOR with HMAC(scope), hex: the database alone cannot edit the comment. Tokens are ASCII, under 64 bytes. */
  private static String seal(Key key, String token) {
    byte[] padded = Arrays.copyOf(token.getBytes(StandardCharsets.US_ASCII), 64);
    return HexFormat.of().formatHex(xor(padded, mask(key)));
  }

  private static String unseal(Key key, String sealed) {
    byte[] padded = xor(HexFormat.of().parseHex(sealed), mask(key));
    int end = 0;
    while (end < padded.length && padded[end] != 0) end++;
    return new String(padded, 0, end, StandardCharsets.US_ASCII);
  }

  private static byte[] mask(Key key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key.scope().getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return mac.doFinal("parley edit token".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) out[i] = (byte) (a[i] ^ b[i]);
    return out;
  }
}
