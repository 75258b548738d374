package parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import parley.App;
import parley.ParleyConfig;
import parley.web.Json;

/** A real Parley on a random port with its own data directory, and a small HTTP client for it. */
public final class TestServer implements AutoCloseable {
  private final App app;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestServer(App app, Path dataDir) {
    this.app = app;
    this.dataDir = dataDir;
  }

  public static TestServer start() {
    return start(c -> c);
  }

  public static TestServer start(UnaryOperator<ParleyConfig> customize) {
    try {
      Path dir = Files.createTempDirectory("parley-server-");
      ParleyConfig config = customize.apply(ParleyConfig.defaults().withPort(0).withDataDir(dir));
      App app = App.start(config);
      // these tests post in bursts from one browser; moderation's tests (ModerationServer) keep the real defaults
      app.sites().all().forEach(site -> app.moderation().updatePolicy(site.id(), parley.moderation.Policy.permissive()));
      return new TestServer(app, dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public App app() {
    return app;
  }

  public String base() {
    return "http://localhost:" + app.port();
  }

  /** A response with its body parsed as JSON (null when empty or not JSON). */
  public record Reply(int status, JsonNode json, HttpResponse<String> raw) {
    public String error() {
      return json == null ? null : json.path("error").path("code").asText(null);
    }
  }

  public Reply get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), headers);
  }

  public Reply postJson(String path, String json, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
  }

  public Reply send(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) b.header("Content-Type", contentType);
    return send(b, headers);
  }

  private Reply send(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i + 1] != null) b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
      } catch (IOException notJson) {
        // leave json null; tests look at raw
      }
      return new Reply(r.statusCode(), json, r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    TempDirs.deleteQuietly(dataDir);
  }
}
