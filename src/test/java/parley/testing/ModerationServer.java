package parley.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import parley.App;
import parley.ParleyConfig;
import parley.classify.Classifier;
import parley.kit.Json;

/**
 * A real Parley on a random port with a given classifier (the keyword stand-in by default), a site "news", and
 * an HTTP client that can act as an anonymous reader or as a signed-in account (session cookie + CSRF token).
 */
public final class ModerationServer implements AutoCloseable {
  public static final String SITE = "news";
  private final App app;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private ModerationServer(App app, Path dataDir) {
    this.app = app;
    this.dataDir = dataDir;
  }

  public static ModerationServer start() {
    return start(c -> c, new KeywordClassifier());
  }

  public static ModerationServer start(UnaryOperator<ParleyConfig> customize, Classifier classifier) {
    try {
      Path dir = Files.createTempDirectory("parley-mod-");
      ParleyConfig config = customize.apply(ParleyConfig.defaults().withPort(0).withDataDir(dir).withDemo(false)
          .withSite(SITE, java.util.List.of("https://news.example")).withSite("other", java.util.List.of()));
      return new ModerationServer(App.start(config, classifier), dir);
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

  /** Who sends a request: headers added to every call (cookie, CSRF token, client id). */
  public record As(String... headers) {
    public static final As ANONYMOUS = new As();

    public static As reader(String clientId) {
      return new As("X-Parley-Client", clientId);
    }

    public static As session(String cookie, String csrf) {
      return new As("Cookie", cookie, "X-CSRF-Token", csrf);
    }
  }

  /** Posts a comment on {@code page} of site "news" as {@code as}. */
  public Reply comment(As as, String page, String body) {
    return send(as, "POST", "/api/v1/comments", "{\"site\":\"" + SITE + "\",\"page\":\"" + page
        + "\",\"title\":\"Page " + page + "\",\"author\":\"Reader\",\"body\":" + quote(body) + "}");
  }

  public Reply thread(As as, String page) {
    return send(as, "GET", "/api/v1/threads?site=" + SITE + "&page=" + page, null);
  }

  /** Signs in; the returned {@link As} carries the session cookie and CSRF token. */
  public As login(String email, String password) {
    Reply r = send(As.ANONYMOUS, "POST", "/api/v1/auth/login",
        "{\"email\":" + quote(email) + ",\"password\":" + quote(password) + "}");
    if (r.status() != 200) throw new AssertionError("login failed: " + r.status() + " " + r.raw().body());
    String cookie = r.cookie("parley_session").split(";", 2)[0];
    return As.session(cookie, r.json().path("csrfToken").asText());
  }

  public Reply send(As as, String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).method(method,
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) b.header("Content-Type", "application/json");
    String[] h = as.headers();
    for (int i = 0; i + 1 < h.length; i += 2) b.header(h[i], h[i + 1]);
    return Reply.exchange(http, b.build());
  }

  public static String quote(String s) {
    try {
      return Json.MAPPER.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
    TempDirs.deleteQuietly(dataDir);
  }
}
