package parley.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import parley.App;
import parley.ParleyConfig;
import parley.classify.Classifier;

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

  /** With the shipped model and permissive policies: these tests post in bursts from one browser. */
  public static TestServer start(UnaryOperator<ParleyConfig> customize) {
    TestServer server = launch(customize, App::start);
    App app = server.app;
    app.sites().all().forEach(site -> app.moderation().updatePolicy(site.id(), parley.moderation.Policy.permissive()));
    return server;
  }

  /** With the given classifier (the caller's to close) and each site's real default policy, for moderation tests. */
  public static TestServer start(UnaryOperator<ParleyConfig> customize, Classifier classifier) {
    return launch(customize, config -> App.start(config, classifier));
  }

  // the one place a test server gets its port, data directory and clean-up
  private static TestServer launch(UnaryOperator<ParleyConfig> customize, Function<ParleyConfig, App> start) {
    Path dir;
    try {
      dir = Files.createTempDirectory("parley-server-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      // a post waits for its final decision: what a test asserts right after posting must not race the accurate stage
      // (FastFirstTest covers the production default, which may publish on the fast stage first)
      ParleyConfig config = ParleyConfig.defaults().withPort(0).withDataDir(dir).withDecideWithin(ParleyConfig.ALWAYS_WAIT);
      return new TestServer(start.apply(customize.apply(config)), dir);
    } catch (RuntimeException e) {
      TempDirs.deleteQuietly(dir);
      throw e;
    }
  }

  public App app() {
    return app;
  }

  /** The data directory the server was started with (its SQLite file, unless the test gave a database URL). */
  public Path dataDir() {
    return dataDir;
  }

  public String base() {
    return "http://localhost:" + app.port();
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
    return Reply.exchange(http, b.build());
  }

  @Override
  public void close() {
    app.close();
    TempDirs.deleteQuietly(dataDir);
  }
}
