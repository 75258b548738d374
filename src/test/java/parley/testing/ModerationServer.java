package parley.testing;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import parley.App;
import parley.ParleyConfig;
import parley.classify.Classifier;
import parley.kit.Json;

/**
 * A {@link TestServer} with a given classifier (the keyword stand-in by default), a site "news", and
 * an HTTP client that can act as an anonymous reader or as a signed-in account (session cookie + CSRF token).
 */
public final class ModerationServer implements AutoCloseable {
  public static final String SITE = "news";
  private final TestServer server;
  /** The database this server made for itself (see {@link #on}), dropped when it closes; null otherwise. */
  private final TestDatabases.TestDb ownDb;

  private ModerationServer(TestServer server, TestDatabases.TestDb ownDb) {
    this.server = server;
    this.ownDb = ownDb;
  }

  /**
   * A server on a fresh database of {@code dialect} (dropped again on {@link #close}): the set-up of a test class
   * that runs once per database ({@code @ParameterizedClass} over {@link parley.store.Dialect}).
   */
  public static ModerationServer on(parley.store.Dialect dialect, Classifier classifier) {
    return on(dialect, c -> c, classifier);
  }

  /** The same, with the configuration changed by {@code customize} (mail, live updates, limits). */
  public static ModerationServer on(parley.store.Dialect dialect, UnaryOperator<ParleyConfig> customize,
      Classifier classifier) {
    TestDatabases.TestDb db = TestDatabases.create(dialect);
    try {
      return new ModerationServer(start(c -> customize.apply(c.withDatabaseUrl(db.url())), classifier).server, db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public static ModerationServer start() {
    return start(c -> c, new KeywordClassifier());
  }

  public static ModerationServer start(UnaryOperator<ParleyConfig> customize, Classifier classifier) {
    return new ModerationServer(TestServer.start(c -> customize.apply(c.withDemo(false)
        .withSite(SITE, java.util.List.of("https://news.example")).withSite("other", java.util.List.of())), classifier),
        null);
  }

  public App app() {
    return server.app();
  }

  /** The JDBC URL of the database {@link #on} made for this server (for commands run against it). */
  public String databaseUrl() {
    if (ownDb == null) throw new IllegalStateException("this server was started on a database it did not make");
    return ownDb.url();
  }

  public String base() {
    return server.base();
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

  /** A staff account of site "news" with {@link Staff#PASSWORD}, signed in to the dashboard. */
  public As staff(String email, parley.auth.Role role) {
    Staff.create(app(), email, SITE, role);
    return login(email, Staff.PASSWORD);
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
    return json == null ? server.send(method, path, null, null, as.headers())
        : server.send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), as.headers());
  }

  /** A dashboard form post the way a browser sends it: the session cookie and a {@code _csrf} field, no CSRF header. */
  public Reply form(As as, String path, java.util.Map<String, String> fields) {
    String body = java.util.stream.Stream.concat(fields.entrySet().stream(), java.util.stream.Stream.of(
            java.util.Map.entry("_csrf", as.headers()[3])))
        .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(java.util.stream.Collectors.joining("&"));
    return server.send("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
        "Cookie", as.headers()[1]);
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
    try {
      server.close();
    } finally {
      if (ownDb != null) ownDb.close();
    }
  }
}
