package parley.web;

import parley.kit.Json;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One JSON line per request with the route template and the request id, on a real server. */
class RequestLogTest {
  @Test
  void writesOneJsonLinePerRequestWithRouteAndId() throws Exception {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    List<String> observed = new CopyOnWriteArrayList<>();
    RequestLog log = new RequestLog(true, (method, route, status, ms) -> observed.add(method + " " + route + " " + status),
        new PrintStream(lines, true, StandardCharsets.UTF_8));
    Javalin server = Server.create(0, 1024, false, false, log, r -> r.get("/things/{id}", ctx -> ctx.result("ok")));
    server.start();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/things/42")).header("X-Request-Id", "abc-123").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("X-Request-Id")).hasValue("abc-123");
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (observed.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
    } finally {
      server.stop();
    }
    assertThat(observed).containsExactly("GET /things/{id} 200");
    var line = Json.MAPPER.readTree(lines.toString(StandardCharsets.UTF_8).strip());
    assertThat(line.path("route").asText()).isEqualTo("/things/{id}");
    assertThat(line.path("path").asText()).isEqualTo("/things/42");
    assertThat(line.path("status").asInt()).isEqualTo(200);
    assertThat(line.path("requestId").asText()).isEqualTo("abc-123");
    assertThat(line.has("ms")).isTrue();
  }
}
