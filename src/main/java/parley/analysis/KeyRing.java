package parley.analysis;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import parley.kit.Tokens;

/**
 * Authenticates API keys without a database read per request: keys found are cached for {@link #TTL_MILLIS}, so a
 * key revoked by {@code parley apikey revoke} (another process) stops working within that time. Unknown keys are
 * not cached (a flood of random keys must not grow memory); each costs one indexed read. Thread-safe.
 */
public final class KeyRing {
  static final long TTL_MILLIS = 5_000;
  private static final int MAX_CACHED = 10_000;

  private record Cached(ApiKey key, long loadedAt) {}

  private final ApiKeyStore store;
  private final ConcurrentHashMap<String, Cached> byHash = new ConcurrentHashMap<>();

  private final Clock clock;

  public KeyRing(ApiKeyStore store, Clock clock) {
    this.clock = clock;
    this.store = store;
  }

  /** The active key with this secret, or a PERMISSION_DENIED error. */
  public ApiKey authenticate(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new GoogleError(GoogleError.Status.PERMISSION_DENIED,
          "The request is missing a valid API key: pass it as ?key=KEY or in the X-Goog-Api-Key header.");
    }
    String hash = Tokens.sha256(secret);
    long now = clock.millis();
    Cached cached = byHash.get(hash);
    if (cached == null || now - cached.loadedAt() > TTL_MILLIS) {
      Optional<ApiKey> found = store.findBySecret(secret);
      if (found.isEmpty()) throw denied();
      if (byHash.size() >= MAX_CACHED) byHash.clear();
      cached = new Cached(found.get(), now);
      byHash.put(hash, cached);
    }
    if (!cached.key().active()) throw denied();
    return cached.key();
  }

  private static GoogleError denied() {
    return new GoogleError(GoogleError.Status.PERMISSION_DENIED, "API key not valid. Please pass a valid API key.");
  }
}
