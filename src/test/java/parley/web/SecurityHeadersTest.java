package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.Reply;
import parley.testing.TestServer;

/** nosniff and a Referrer-Policy on every kind of response, and a strict CSP on the demo page. */
class SecurityHeadersTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyResponseSaysNosniffAndLimitsTheReferrer() {
    Map<String, Reply> replies = Map.of(
        "api read", server.get("/api/v1/threads?site=demo&page=demo-article"),
        "api error", server.postJson("/api/v1/comments", "{oops"),
        "unknown path", server.get("/no/such/thing"),
        "widget script", server.get("/embed.js"),
        "widget styles", server.get("/embed.css"),
        "demo page", server.get("/"),
        "dashboard", server.get("/admin/login"),
        "perspective api", server.postJson("/v1alpha1/comments:analyze", "{}"),
        "too large", server.postJson("/api/v1/comments", "{\"body\":\"" + "x".repeat(70_000) + "\"}"),
        "wrong method", server.send("PUT", "/api/v1/counts", null, null));
    replies.forEach((what, r) -> {
      HttpHeaders h = r.raw().headers();
      assertThat(h.firstValue("X-Content-Type-Options")).as(what + " " + r.status()).hasValue("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).as(what + " " + r.status()).hasValue("strict-origin-when-cross-origin");
    });
  }

  @Test
  void theDemoPageHasAStrictPolicy() {
    String csp = server.get("/").raw().headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'self';", "frame-ancestors 'none'")
        .containsPattern("style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    // the API and the widget's files are embedded elsewhere: a page policy would be meaningless there
    assertThat(server.get("/embed.js").raw().headers().firstValue("Content-Security-Policy")).isEmpty();
  }
}
