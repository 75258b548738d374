package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.web.TrustedProxies;

/** Posting limits through a real server: fresh client ids do not escape the per-address bucket. */
class PostingLimitsTest {
  @Test
  void aFloodOfFreshClientIdsFromOneAddressKeepsGetting429AndOthersStillPost() {
    try (ModerationServer server = ModerationServer.start(
        c -> c.withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1")), new KeywordClassifier())) {
      server.app().moderation().updatePolicy(ModerationServer.SITE, Policy.defaults().withRateLimits(10, 5));
      int created = 0;
      for (int i = 0; i < 60; i++) {
        As fresh = new As("X-Parley-Client", "fresh-" + i, "X-Forwarded-For", "203.0.113.66");
        int status = server.comment(fresh, "flood", "Flood number " + i + " from one address").status();
        assertThat(status).isIn(201, 429);
        if (status == 201) created++;
      }
      assertThat(created).isBetween(5, 6);
      As neighbour = new As("X-Parley-Client", "calm-reader", "X-Forwarded-For", "203.0.113.67");
      assertThat(server.comment(neighbour, "flood", "A calm reader from another address").status()).isEqualTo(201);
    }
  }
}
