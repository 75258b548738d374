package parley.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Parley's one token-bucket limiter: a bucket per key holds up to {@code capacity} tokens and refills {@code capacity}
 * per {@code period}. The map is bounded and expiring (Caffeine): a bucket idle for {@code idle} is dropped (it
 * would be full again anyway), and past {@code maxKeys} the least valuable keys go first; a flood of fresh keys
 * cannot reset the buckets of keys in use, as the old "clear everything at 100,000 keys" did. Thread-safe; in
 * memory, per process.
 */
public final class TokenBuckets<K> {
  private final Cache<K, Bucket> buckets;
  private final LongSupplier nanoTime;

  public TokenBuckets(long maxKeys, Duration idle) {
    this(maxKeys, idle, System::nanoTime);
  }

  public TokenBuckets(long maxKeys, Duration idle, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    // eviction on the calling thread: bounded immediately, and deterministic in tests
    this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idle).executor(Runnable::run)
        .ticker(nanoTime::getAsLong).build();
  }

  /** Takes one token; returns 0 when granted, else the nanoseconds until one is available. */
  public long take(K key, double capacity, Duration period) {
    long now = nanoTime.getAsLong();
    return buckets.get(key, k -> new Bucket(capacity, now)).take(capacity, capacity / period.toNanos(), now);
  }

  /** {@link #take} in whole seconds, rounded up: 0 when granted. */
  public long takeSeconds(K key, double capacity, Duration period) {
    long nanos = take(key, capacity, period);
    return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  long size() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized long take(double capacity, double perNano, long now) {
      tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }
  }
}
