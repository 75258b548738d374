package parley.analysis;

import java.time.Duration;
import java.util.function.LongSupplier;
import parley.limit.TokenBuckets;

/**
 * One token bucket per API key: it holds up to one second's worth of requests ({@code qps}) and refills at {@code
 * qps} per second. In memory, per Parley instance: behind a load balancer with N instances a key gets up to N × qps.
 * Thread-safe.
 */
public final class RateLimiter {
  private final TokenBuckets<Long> buckets;

  public RateLimiter() {
    this(System::nanoTime);
  }

  RateLimiter(LongSupplier nanoTime) {
    this.buckets = new TokenBuckets<>(10_000, Duration.ofMinutes(1), nanoTime);
  }

  /** Takes one token from the key's bucket; false when it is empty. */
  public boolean tryAcquire(ApiKey key) {
    return buckets.take(key.id(), key.qps(), Duration.ofSeconds(1)) == 0;
  }
}
