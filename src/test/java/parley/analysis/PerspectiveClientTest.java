package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;
import parley.kit.Json;

/**
 * A real third-party client: the npm package perspective-api-client 3.1.0, run by Node against a running Parley
 * (src/test/node/perspective-client/client-test.mjs). Only its HTTP requests are redirected, by an axios interceptor.
 */
class PerspectiveClientTest {
  static final Path HARNESS = Path.of("src/test/node/perspective-client");

  @TempDir Path dir;

  @Test
  void theNpmClientWorksAgainstParley() throws Exception {
    Assumptions.assumeTrue(run(List.of("node", "--version"), 30).exitCode() == 0, "Node.js is not installed");
    if (!Files.isDirectory(HARNESS.resolve("node_modules/perspective-api-client"))) {
      Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
      assertThat(install.exitCode()).as("npm ci failed:\n" + install.output()).isZero();
    }
    try (AnalysisServer server = new AnalysisServer(dir, App.Mode.ANALYSIS_ONLY, 1000)) {
      Result result = run(List.of("node", "client-test.mjs", "http://127.0.0.1:" + server.app.port(), server.key), 120);
      String json = result.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
      System.out.println("perspective-api-client checks: " + json);
      JsonNode checks = Json.MAPPER.readTree(json);
      assertThat(result.exitCode()).as(result.output()).isZero();

      assertThat(checks.at("/severalAttributes/scores/INSULT").asDouble()).isGreaterThan(0.5);
      assertThat(checks.at("/severalAttributes/scores/TOXICITY").asDouble()).isGreaterThan(0.5);
      assertThat(checks.at("/severalAttributes/scores").size()).isEqualTo(6);
      assertThat(checks.at("/spans/words").toString()).contains("idiot");
      assertThat(checks.at("/htmlStrippedByTheClient/insult").asDouble()).isGreaterThan(0.5);
      assertThat(checks.at("/htmlStrippedByParley/insult").asDouble()).isGreaterThan(0.5);
      assertThat(checks.at("/htmlStrippedByParley/words").toString()).contains("idiot");
      assertThat(checks.at("/badKey/status").asInt()).isEqualTo(403);
      assertThat(checks.at("/badKey/message").asText()).contains("API key not valid");
      assertThat(checks.at("/longTextRefusedByTheClient/message").asText()).contains("20480");
      assertThat(checks.at("/longTextRefusedByParley/status").asInt()).isEqualTo(400);
      assertThat(checks.at("/longTextRefusedByParley/message").asText()).contains("too long");
      assertThat(checks.at("/unknownAttribute/status").asInt()).isEqualTo(400);
      assertThat(checks.at("/unknownAttribute/message").asText()).contains("FLIRTATION");
    }
  }

  record Result(int exitCode, String output) {}

  private static Result run(List<String> command, int timeoutSeconds) throws InterruptedException {
    try {
      Path log = Files.createTempFile("parley-node-", ".log");
      Process p = new ProcessBuilder(command).directory(HARNESS.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!done) p.destroyForcibly().waitFor();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return done ? new Result(p.exitValue(), output) : new Result(-1, "timed out: " + command + "\n" + output);
    } catch (IOException e) {
      return new Result(-1, e.toString());
    }
  }
}
