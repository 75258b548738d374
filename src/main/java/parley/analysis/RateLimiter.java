package parley.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per API key: it holds up to one second's worth of requests ({@code qps}) and refills at {@code
 * qps} per second. In memory, per Parley instance: behind a load balancer with N instances a key gets up to N × qps.
 * Thread-safe.
 */
public final class RateLimiter {
  private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public RateLimiter() {
    this(System::nanoTime);
  }

  RateLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Takes one token from the key's bucket; false when it is empty. */
  public boolean tryAcquire(ApiKey key) {
    return buckets.computeIfAbsent(key.id(), id -> new Bucket(key.qps(), nanoTime.getAsLong())).tryTake(key.qps(),
        nanoTime.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(int qps, long now) {
      this.tokens = qps;
      this.refilledAt = now;
    }

    synchronized boolean tryTake(int qps, long now) {
      tokens = Math.min(qps, tokens + (now - refilledAt) * qps / 1e9);
      refilledAt = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    }
  }
}
