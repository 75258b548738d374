package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.kit.Tokens;
import parley.moderation.Policy;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/** A real server behind a (simulated) reverse proxy on loopback; each address may post twice a minute. */
class BehindProxyTest {
  private static final String LOOPBACK = "127.0.0.1/32, ::1/128";

  @Test
  void thousandReadersBehindOneTrustedProxyPostWithoutA429() {
    try (ModerationServer server = ModerationServer.start(
        c -> c.withTrustedProxies(TrustedProxies.parse(LOOPBACK)), new KeywordClassifier())) {
      strictPerAddress(server);
      for (int i = 0; i < 1_000; i++) {
        String reader = "198.51." + (i / 250) + "." + (i % 250 + 1);
        As as = new As(i % 2 == 0 ? "X-Forwarded-For" : "Forwarded", i % 2 == 0 ? "1.1.1.1, " + reader
            : "for=1.1.1.1, for=\"" + reader + ":5555\"");
        Reply r = server.comment(as, "proxied", "Reader number " + i + " thinks the tram is late.");
        assertThat(r.status()).as("post %d: %s", i, r.raw().body()).isEqualTo(201);
      }
      assertThat(ipHashOf(server, "Reader number 7 thinks")).isEqualTo(Tokens.sha256("198.51.0.8"));
    }
  }

  @Test
  void aSpoofedHeaderFromAnUntrustedPeerChangesNothing() {
    try (ModerationServer server = ModerationServer.start(
        c -> c.withTrustedProxies(TrustedProxies.parse("10.0.0.0/8, 2001:db8::/32")), new KeywordClassifier())) {
      strictPerAddress(server);
      int created = 0;
      int limited = 0;
      for (int i = 0; i < 30; i++) {
        As spoofer = new As("X-Forwarded-For", "203.0.113." + (i % 250), "Forwarded", "for=203.0.114." + (i % 250));
        int status = server.comment(spoofer, "spoofed", "Spoofed post " + i + " about the tram.").status();
        if (status == 201) created++;
        if (status == 429) limited++;
      }
      // the real peer's two posts (plus at most one refilled), not 30 posts from 30 fresh addresses
      assertThat(created).isBetween(2, 3);
      assertThat(limited).isEqualTo(30 - created);
      String peer = ipHashOf(server, "Spoofed post 0 ");
      assertThat(peer).isIn(Tokens.sha256("127.0.0.1"), Tokens.sha256("0:0:0:0:0:0:0:1"));
    }
  }

  private static void strictPerAddress(ModerationServer server) {
    server.app().moderation().updatePolicy(ModerationServer.SITE, Policy.defaults().withRateLimits(1_000_000, 2));
  }

  private static String ipHashOf(ModerationServer server, String bodyStart) {
    return server.app().database().read(h -> h.createQuery(
            "SELECT ip_hash FROM comments WHERE body_markdown LIKE :b").bind("b", bodyStart + "%")
        .mapTo(String.class).one());
  }
}
