package parley.ops;

import parley.testing.BothDatabases;
import parley.store.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import parley.testing.Reply;
import parley.testing.TestDatabases;
import parley.testing.TestServer;

/** Probes and the metrics page against a real server, on SQLite and PostgreSQL. */
class HealthAndMetricsTest {

  @BothDatabases
  void liveAndReadyWithEveryCheckPassing(Dialect kind) {
    try (TestDatabases.TestDb db = TestDatabases.create(kind);
        TestServer server = TestServer.start(c -> c.withDatabaseUrl(db.url()))) {
      assertThat(server.get("/health/live").status()).isEqualTo(200);
      Reply ready = server.get("/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().path("status").asText()).isEqualTo("ready");
      assertThat(ready.json().path("checks").toString())
          .contains("\"database\":\"ok\"", "\"migrations\":\"ok\"", "\"model\":\"ok\"");
    }
  }

  @Test
  void notReadyWhenTheDatabaseIsGone() {
    TestDatabases.TestDb db = TestDatabases.postgres();
    try (TestServer server = TestServer.start(c -> c.withDatabaseUrl(db.url()))) {
      db.close(); // drops the database under the running server (WITH FORCE closes its connections)
      Reply ready = server.get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.error()).isEqualTo("NOT_READY");
      assertThat(ready.json().path("checks").path("database").asText()).isEqualTo("failing");
      assertThat(server.get("/health/live").status()).isEqualTo(200);
    }
  }

  @Test
  void notReadyOnceShutdownBegins() {
    try (TestServer server = TestServer.start()) {
      server.app().ops().health().drain();
      Reply ready = server.get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("checks").path("shutdown").asText()).isEqualTo("draining");
    }
  }

  @BothDatabases
  void metricsCountRequestsByRouteTemplateAndModerationByOutcome(Dialect kind) {
    try (TestDatabases.TestDb db = TestDatabases.create(kind);
        TestServer server = TestServer.start(c -> c.withDatabaseUrl(db.url()))) {
      assertThat(server.postJson("/api/v1/comments",
          "{\"site\":\"demo\",\"page\":\"metrics-page\",\"author\":\"Ada\",\"body\":\"Will the tram run on Sundays?\"}")
          .status()).isEqualTo(201);
      server.get("/api/v1/threads/1");
      server.get("/api/v1/threads/2");
      server.get("/no/such/path/12345");

      Reply metrics = server.get("/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      String text = metrics.raw().body();
      assertThat(text)
          .contains("parley_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/threads/{id}\",status=\"200\"} 2")
          .contains("route=\"unmatched\"")
          .doesNotContain("/no/such/path")
          .containsPattern("parley_comments_moderated_total\\{outcome=\"(published|held)\"} 1.0")
          // the classifier's first call may load its model slowly on a busy machine: it counts as "timeout" then
          .containsPattern("parley_classifier_latency_seconds_count\\{stage=\"(fast|accurate|timeout)\"} 1")
          .contains("hikaricp_connections_active")
          .contains("jvm_memory_used_bytes")
          .contains("parley_imports_running 0");
    }
  }

  @Test
  void queueSizesPerSiteAreScraped() {
    try (TestServer server = TestServer.start()) {
      var p = parley.moderation.Policy.permissive();
      server.app().moderation().updatePolicy("demo", new parley.moderation.Policy(
          parley.moderation.Policy.Mode.PRE_MODERATE_ALL, p.trustedAfter(), p.thresholds(), p.bannedWords(),
          p.suspectWords(), p.maxLinks(), p.holdDuplicates(), p.userPostsPerMinute(), p.ipPostsPerMinute(),
          p.reportsToQueue(), p.requireAccount()));
      server.postJson("/api/v1/comments",
          "{\"site\":\"demo\",\"page\":\"queue-page\",\"author\":\"Ada\",\"body\":\"Waiting for a moderator.\"}");
      assertThat(server.get("/metrics").raw().body())
          .contains("parley_queue_size{queue=\"pending\",site=\"demo\"} 1.0");
    }
  }

  @Test
  void metricsRefuseRequestsThatCameThroughAProxyEvenFromLoopback() {
    // nginx or Caddy on the same host connect from 127.0.0.1 and add these headers to every request they pass on
    try (TestServer server = TestServer.start(c -> c.withTrustedProxies(parley.web.TrustedProxies.parse("127.0.0.1/32, ::1")))) {
      assertThat(server.get("/metrics").status()).isEqualTo(200);
      for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
        Reply r = server.get("/metrics", header, header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7");
        assertThat(r.status()).as(header).isEqualTo(403);
        assertThat(r.error()).isEqualTo("METRICS_FORBIDDEN");
      }
    }
  }

  @Test
  void metricsRefuseOtherAddressesUnlessAllowed() throws Exception {
    InetAddress own = nonLoopbackAddress().orElse(null);
    Assumptions.assumeTrue(own != null, "this machine has no non-loopback IPv4 address to call from");
    try (TestServer closed = TestServer.start()) {
      HttpResponse<String> refused = getFrom(own, closed.app().port());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("METRICS_FORBIDDEN");
    }
    try (TestServer open = TestServer.start(c -> c.withOps(new OpsConfig(
        List.of(Cidr.parse(own.getHostAddress() + "/32")), OpsConfig.LogFormat.TEXT)))) {
      assertThat(getFrom(own, open.app().port()).statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> getFrom(InetAddress address, int port) throws Exception {
    // calling our own non-loopback address makes the server see that address as the peer
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + address.getHostAddress() + ":" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    return NetworkInterface.networkInterfaces().filter(n -> {
      try {
        return n.isUp() && !n.isLoopback();
      } catch (java.net.SocketException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
  }
}
