package parley.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import parley.moderation.ModerationService;

/** The one limiter: refill, and a flood of fresh keys neither resets keys in use nor grows without bound. */
class TokenBucketsTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aFloodOfFreshKeysLeavesEmptyBucketsEmpty() {
    var buckets = new TokenBuckets<String>(ModerationService.MAX_RATE_KEYS, MINUTE, now::get);
    for (int i = 0; i < 5; i++) buckets.take("site|ip:busy-office", 5, MINUTE);
    assertThat(buckets.take("site|ip:busy-office", 5, MINUTE)).isPositive();
    for (int i = 0; i < 250_000; i++) {
      buckets.take("site|client:" + i, 10, MINUTE);
      if (i % 1_000 == 0) assertThat(buckets.take("site|ip:busy-office", 5, MINUTE)).isPositive();
    }
    assertThat(buckets.take("site|ip:busy-office", 5, MINUTE)).as("still empty after the flood").isPositive();
    assertThat(buckets.size()).isLessThanOrEqualTo(ModerationService.MAX_RATE_KEYS);
  }

  @Test
  void bucketsRefillAtTheirRateAndIdleOnesAreDropped() {
    var buckets = new TokenBuckets<String>(1_000, MINUTE, now::get);
    assertThat(buckets.take("a", 2, MINUTE)).isZero();
    assertThat(buckets.take("a", 2, MINUTE)).isZero();
    assertThat(buckets.takeSeconds("a", 2, MINUTE)).isEqualTo(30);
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(buckets.take("a", 2, MINUTE)).isZero();
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(buckets.size()).isZero();
  }
}
