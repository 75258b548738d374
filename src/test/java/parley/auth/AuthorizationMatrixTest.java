package parley.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/** Anonymous, reader, moderator of A and admin of A against every moderator and admin endpoint of A and B. */
class AuthorizationMatrixTest {
  static final String A = ModerationServer.SITE;
  static final String B = "other";
  static ModerationServer server;
  static long commentA, commentB, threadA, threadB;

  record Endpoint(String method, String path, String body, Role needs) {}

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.reader(server.app(), "reader@example.org");
    Staff.create(server.app(), "mod@example.org", A, Role.MODERATOR);
    Staff.create(server.app(), "admin@example.org", A, Role.ADMIN);
    var a = server.comment(As.reader("writer-a"), "matrix", "A comment on site A.").json().path("comment");
    var b = server.send(As.reader("writer-b"), "POST", "/api/v1/comments",
        "{\"site\":\"other\",\"page\":\"matrix\",\"body\":\"A comment on site B.\"}").json().path("comment");
    commentA = a.path("id").asLong();
    commentB = b.path("id").asLong();
    threadA = server.app().comments().thread(A, "matrix", parley.comment.Sort.OLDEST, null, 1, null).thread().id();
    threadB = server.app().comments().thread(B, "matrix", parley.comment.Sort.OLDEST, null, 1, null).thread().id();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static final String IMPORTED = "email:" + parley.kit.Tokens.sha256("imported@example.org");

  static List<Endpoint> endpoints(String site) {
    long c = site.equals(A) ? commentA : commentB;
    long t = site.equals(A) ? threadA : threadB;
    String s = "/api/v1/sites/" + site;
    return List.of(
        new Endpoint("GET", s + "/queues/pending", null, Role.MODERATOR),
        new Endpoint("GET", s + "/comments/" + c, null, Role.MODERATOR),
        new Endpoint("POST", s + "/comments/" + c + "/approve", null, Role.MODERATOR),
        new Endpoint("POST", s + "/comments/" + c + "/unfeature", null, Role.MODERATOR),
        new Endpoint("POST", s + "/comments/" + c + "/claim", null, Role.MODERATOR),
        new Endpoint("GET", s + "/comments/" + c + "/notes", null, Role.MODERATOR),
        new Endpoint("POST", s + "/comments/" + c + "/notes", "{\"body\":\"a note\"}", Role.MODERATOR),
        new Endpoint("GET", s + "/comments/" + c + "/trust", null, Role.MODERATOR),
        new Endpoint("GET", s + "/users?q=writer&filter=banned", null, Role.MODERATOR),
        new Endpoint("GET", s + "/users/client:matrix", null, Role.MODERATOR),
        new Endpoint("POST", s + "/users/client:matrix/notes", "{\"body\":\"a note\"}", Role.MODERATOR),
        // an imported author's key is resolved only after the guard has let the caller in
        new Endpoint("GET", s + "/users/" + IMPORTED + "?c=" + c, null, Role.MODERATOR),
        new Endpoint("POST", s + "/users/" + IMPORTED + "/notes?c=" + c, "{\"body\":\"a note\"}", Role.MODERATOR),
        new Endpoint("DELETE", s + "/comments/" + c + "/claim", null, Role.MODERATOR),
        new Endpoint("POST", s + "/bulk", "{\"action\":\"approve\",\"ids\":[" + c + "]}", Role.MODERATOR),
        new Endpoint("POST", s + "/threads/" + t + "/close", "{\"closed\":false}", Role.MODERATOR),
        new Endpoint("GET", s + "/threads/" + t + "/settings", null, Role.MODERATOR),
        new Endpoint("PUT", s + "/threads/" + t + "/settings", "{}", Role.MODERATOR),
        new Endpoint("GET", s + "/audit", null, Role.MODERATOR),
        new Endpoint("POST", s + "/audit/999999/undo", null, Role.MODERATOR),
        new Endpoint("GET", s + "/bans", null, Role.MODERATOR),
        new Endpoint("GET", s + "/policy", null, Role.ADMIN),
        new Endpoint("PUT", s + "/policy", "{}", Role.ADMIN),
        new Endpoint("GET", s + "/members", null, Role.ADMIN),
        new Endpoint("PUT", s + "/members", "{\"email\":\"reader@example.org\",\"role\":null}", Role.ADMIN),
        new Endpoint("POST", s + "/sso-secret", null, Role.ADMIN),
        new Endpoint("GET", s + "/webhooks", null, Role.ADMIN),
        new Endpoint("POST", s + "/webhooks", "{\"url\":\"https://hooks.example/x\"}", Role.ADMIN),
        new Endpoint("DELETE", s + "/webhooks/999999", null, Role.ADMIN),
        new Endpoint("GET", s + "/defence", null, Role.ADMIN),
        new Endpoint("PUT", s + "/defence", "{\"honeypot\":true}", Role.ADMIN),
        new Endpoint("GET", s + "/article-defaults", null, Role.ADMIN),
        new Endpoint("PUT", s + "/article-defaults", "{}", Role.ADMIN),
        // last: it re-points the thread (same id) to a new key, which the endpoints above do not use
        new Endpoint("POST", s + "/threads/" + t + "/move", "{\"page\":\"matrix-moved\"}", Role.ADMIN));
  }

  /** The ban endpoint changes who may post, so it is checked apart with throwaway comments. */
  @Test
  void everyEndpointAnswersOnlyToTheRightRoleOnTheRightSite() {
    As reader = server.login("reader@example.org", Staff.PASSWORD);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    List<String> wrong = new ArrayList<>();
    for (String site : List.of(A, B)) {
      for (Endpoint e : endpoints(site)) {
        check(wrong, "anonymous", As.ANONYMOUS, e, 401);
        check(wrong, "reader", reader, e, 403);
        check(wrong, "moderator of A", mod, e, site.equals(A) && e.needs() == Role.MODERATOR ? 0 : 403);
        check(wrong, "admin of A", admin, e, site.equals(A) ? 0 : 403);
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** The moderators' event stream answers like every moderator endpoint; allowed, it stays open (so it is closed). */
  @Test
  void theModeratorsLiveStreamAnswersOnlyToModeratorsOfTheSite() {
    As reader = server.login("reader@example.org", Staff.PASSWORD);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    List<String> wrong = new ArrayList<>();
    for (String site : List.of(A, B)) {
      int allowed = site.equals(A) ? 200 : 403;
      stream(wrong, "anonymous", As.ANONYMOUS, site, 401);
      stream(wrong, "reader", reader, site, 403);
      stream(wrong, "moderator of A", mod, site, allowed);
      stream(wrong, "admin of A", admin, site, allowed);
    }
    assertThat(wrong).isEmpty();
  }

  private static void stream(List<String> wrong, String who, As as, String site, int expected) {
    try (var s = parley.testing.EventStream.open(server.base() + "/api/v1/sites/" + site + "/live", as.headers())) {
      if (s.status() != expected) wrong.add(who + " GET live of " + site + " → " + s.status() + " (expected " + expected + ")");
    }
  }

  @Test
  void banningIsForModeratorsOfTheCommentsSiteOnly() {
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    long onA = server.comment(As.reader("ban-a"), "bans", "Ban me maybe.").json().path("comment").path("id").asLong();
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/sites/" + A + "/comments/" + onA + "/ban", null).status())
        .isEqualTo(401);
    assertThat(server.send(mod, "POST", "/api/v1/sites/" + B + "/comments/" + onA + "/ban", null).status())
        .isEqualTo(403);
    // a moderator of A naming a comment of B under A's path finds nothing
    assertThat(server.send(mod, "POST", "/api/v1/sites/" + A + "/comments/" + commentB + "/approve", null).status())
        .isEqualTo(404);
    assertThat(server.send(mod, "POST", "/api/v1/sites/" + A + "/comments/" + onA + "/ban", null).status())
        .isEqualTo(200);
  }

  /**
   * A reader's own account endpoints: anonymous callers get 401; a dashboard cookie session needs its CSRF token for
   * changes; the widget's header session needs none but gives no staff role; each answers for the caller's account only.
   */
  @Test
  void accountEndpointsAnswerOnlyTheSignedInReader() {
    String email = "widget-reader@example.org";
    var signup = server.send(As.ANONYMOUS, "POST", "/api/v1/account/signup",
        "{\"email\":\"" + email + "\",\"password\":\"" + Staff.PASSWORD + "\"}");
    assertThat(signup.status()).isEqualTo(201);
    As widget = new As("X-Parley-Session", signup.json().path("token").asText());
    As cookie = server.login(email, Staff.PASSWORD);
    As cookieWithoutCsrf = new As(cookie.headers()[0], cookie.headers()[1]);
    List<Endpoint> own = List.of(
        new Endpoint("GET", "/api/v1/account", null, null),
        new Endpoint("PATCH", "/api/v1/account", "{\"hue\":30}", null),
        new Endpoint("GET", "/api/v1/account/comments", null, null),
        new Endpoint("GET", "/api/v1/account/export", null, null),
        new Endpoint("DELETE", "/api/v1/account", "{\"password\":\"not it at all\"}", null),
        new Endpoint("POST", "/api/v1/account/signout", null, null));
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : own) {
      check(wrong, "anonymous", As.ANONYMOUS, e, 401);
      check(wrong, "cookie session without CSRF", cookieWithoutCsrf, e, e.method().equals("GET") ? 0 : 403);
      check(wrong, "cookie session", cookie, e, e.method().equals("DELETE") ? 401 : 0); // wrong password: LOGIN_FAILED
      if (!e.method().equals("POST")) check(wrong, "widget session", widget, e, e.method().equals("DELETE") ? 401 : 0);
    }
    for (String site : List.of(A, B)) {
      for (Endpoint e : endpoints(site)) check(wrong, "widget session", widget, e, 403);
    }
    assertThat(wrong).isEmpty();
    assertThat(server.send(widget, "GET", "/api/v1/account", null).json().path("email").asText()).isEqualTo(email);
  }

  /** expected 0 means "allowed": anything but 401 and 403. */
  private static void check(List<String> wrong, String who, As as, Endpoint e, int expected) {
    int status = server.send(as, e.method(), e.path(), e.body()).status();
    boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
    if (!ok) wrong.add(who + " " + e.method() + " " + e.path() + " → " + status + " (expected "
        + (expected == 0 ? "allowed" : expected) + ")");
  }
}
