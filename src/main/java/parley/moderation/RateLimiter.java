package parley.moderation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key, in memory: each key may burst {@code perMinute} posts and refills at that rate.
 * Thread-safe. Per process: several instances behind a balancer each allow the full rate.
 */
public final class RateLimiter {
  private static final int MAX_KEYS = 100_000;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  /** Takes a token; returns 0 on success, else the seconds until one is available. */
  public long take(String key, int perMinute) {
    long now = System.nanoTime();
    if (buckets.size() > MAX_KEYS) buckets.clear(); // a flood of fresh keys must not exhaust memory
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
    synchronized (b) {
      double perNano = perMinute / 60e9;
      b.tokens = Math.min(perMinute, b.tokens + (now - b.updatedNanos) * perNano);
      b.updatedNanos = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
    }
  }
}
