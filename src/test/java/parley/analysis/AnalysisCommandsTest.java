package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;
import parley.cli.Parley;
import parley.ParleyConfig;
import parley.kit.Json;

/** The admin's commands, end to end: a key created by the CLI works against a server, revoking it stops it. */
class AnalysisCommandsTest {
  @TempDir Path dir;

  record Run(int exit, String out) {}

  Run parley(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
          java.util.stream.Stream.of("--data-dir", dir.toString())).toArray(String[]::new);
      int exit = Parley.commandLine().execute(all);
      return new Run(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
    }
  }

  @Test
  void createListRevokeAndExport() throws Exception {
    Run created = parley("apikey", "create", "--name", "coral", "--qps", "50");
    assertThat(created.exit()).isZero();
    String key = created.out().trim();
    assertThat(key).startsWith("prl_");

    ParleyConfig config = ParleyConfig.defaults().withPort(0).withDataDir(dir).withDemo(false);
    try (AnalysisServer server = new AnalysisServer(config, App.Mode.ANALYSIS_ONLY, 5)) {
      String url = server.base() + "/comments:";
      assertThat(server.postUrl(url + "analyze?key=" + key,
          "{\"comment\":{\"text\":\"hello\"},\"requestedAttributes\":{\"TOXICITY\":{}}}").status()).isEqualTo(200);
      assertThat(server.postUrl(url + "suggestscore?key=" + key, "{\"comment\":{\"text\":\"you idiot\"},"
          + "\"communityId\":\"Coral:https://news.example\",\"clientToken\":\"comment:9\","
          + "\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":1}}}}").status()).isEqualTo(200);
      server.app.analysis().usage().flush();

      Run list = parley("apikey", "list");
      assertThat(list.exit()).isZero();
      assertThat(list.out()).contains("coral").contains(key.substring(0, 10)).contains("active")
          .contains("requests=1").contains("suggestions=1").doesNotContain(key);

      Path out = dir.resolve("feedback.jsonl");
      assertThat(parley("feedback", "export", "--out", out.toString()).exit()).isZero();
      var line = Json.MAPPER.readTree(Files.readAllLines(out).getFirst());
      assertThat(line.path("text").asText()).isEqualTo("you idiot");
      assertThat(line.at("/labels/toxic").asInt()).isEqualTo(1);
      assertThat(line.at("/meta/clientToken").asText()).isEqualTo("comment:9");

      assertThat(parley("apikey", "revoke", "coral").exit()).isZero();
      assertThat(parley("apikey", "list").out()).contains("revoked");
      assertThat(parley("apikey", "revoke", "coral").exit()).isEqualTo(1);
      // a fresh key ring (a restarted server, or this one after KeyRing.TTL_MILLIS) refuses the revoked key
      assertThat(new KeyRing(server.app.analysis().keys(), java.time.Clock.systemUTC()).authenticate(server.key).name()).isEqualTo("test");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeyRing(server.app.analysis().keys(), java.time.Clock.systemUTC()).authenticate(key))
          .isInstanceOf(GoogleError.class);
    }
  }

  @Test
  void analysisOnlyServesNothingElse() {
    ParleyConfig config = ParleyConfig.defaults().withPort(0).withDataDir(dir);
    try (AnalysisServer server = new AnalysisServer(config, App.Mode.ANALYSIS_ONLY, 5)) {
      String root = "http://127.0.0.1:" + server.app.port();
      assertThat(server.postUrl(root + "/api/v1/comments", "{}").status()).isEqualTo(404);
      assertThat(server.postUrl(root + "/v1alpha1/comments:analyze?key=" + server.key,
          "{\"comment\":{\"text\":\"hello\"},\"requestedAttributes\":{\"TOXICITY\":{}}}").status()).isEqualTo(200);
      var http = java.net.http.HttpClient.newHttpClient();
      for (String path : new String[] {"/", "/robots.txt", "/api/v1/threads?site=demo&page=x"}) {
        try {
          var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + path)).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
          assertThat(response.statusCode()).as(path).isEqualTo(404);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
  }
}
