package parley.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import parley.testing.TempDirs;
import parley.kit.Json;

/** {@code PARLEY_LOG_FORMAT=json}: stdout of {@code parley serve} holds one JSON object per line and nothing else. */
class JsonLogTest {
  @Test
  void everyLineOnStdoutIsAJsonObject() throws Exception {
    Path dir = Files.createTempDirectory("parley-jsonlog-");
    ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "parley.cli.Parley", "serve",
        "--port", "0", "--data-dir", dir.toString(), "--no-demo")
        .redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().put("PARLEY_LOG_FORMAT", "json");
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as(() -> "stderr: " + read(dir.resolve("stderr.txt"))).isNotNull();
      lines.add(first);
      JsonNode running = Json.MAPPER.readTree(first);
      assertThat(running.path("event").asText()).isEqualTo("running");
      String url = running.path("message").asText().replaceFirst("^Parley is running: ", "");
      HttpResponse<String> live = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url + "health/live")).header("X-Request-Id", "probe-1").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      p.toHandle().destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      out.lines().forEach(lines::add);
    } finally {
      p.destroyForcibly();
      TempDirs.deleteQuietly(dir);
    }
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : lines) parsed.add(Json.MAPPER.readTree(line)); // throws on any line that is not JSON
    assertThat(parsed).allMatch(JsonNode::isObject);
    assertThat(parsed).anyMatch(n -> "probe-1".equals(n.path("requestId").asText())
        && "/health/live".equals(n.path("route").asText()) && n.path("status").asInt() == 200);
    assertThat(parsed.getLast().path("event").asText()).isEqualTo("stopped");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
