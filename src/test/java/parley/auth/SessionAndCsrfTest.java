package parley.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

class SessionAndCsrfTest {
  static ModerationServer server;

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.create(server.app(), "victim@example.org", ModerationServer.SITE, Role.MODERATOR);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Reply login(String email, String password, String... extraHeaders) {
    return server.send(new As(extraHeaders), "POST", "/api/v1/auth/login",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  void sessionCookieIsHttpOnlyLaxAndSecureBehindHttps() {
    String cookie = login("mod@example.org", Staff.PASSWORD).cookie(SessionCookie.NAME);
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
    String secure = login("mod@example.org", Staff.PASSWORD, "X-Forwarded-Proto", "https").cookie(SessionCookie.NAME);
    assertThat(secure).contains("; Secure");
  }

  @Test
  void noStateChangeWithoutTheCsrfToken() {
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    long id = server.comment(As.reader("csrf-author"), "csrf", "I will kill time here").json()
        .path("comment").path("id").asLong();
    String approve = "/api/v1/sites/" + ModerationServer.SITE + "/comments/" + id + "/approve";
    String cookieOnly = mod.headers()[1];
    Reply none = server.send(new As("Cookie", cookieOnly), "POST", approve, null);
    assertThat(none.status()).isEqualTo(403);
    assertThat(none.error()).isEqualTo("CSRF_TOKEN_INVALID");
    Reply forged = server.send(new As("Cookie", cookieOnly, "X-CSRF-Token", "guess"), "POST", approve, null);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(server.thread(As.reader("anyone"), "csrf").json().path("comments")).isEmpty();
    assertThat(server.send(mod, "POST", approve, null).status()).isEqualTo(200);
    assertThat(server.thread(As.reader("anyone"), "csrf").json().path("comments")).hasSize(1);
    // reading needs no token
    assertThat(server.send(new As("Cookie", cookieOnly), "GET", "/api/v1/auth/me", null).status()).isEqualTo(200);
  }

  @Test
  void logoutNeedsTheTokenAndEndsTheSession() {
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    String cookieOnly = mod.headers()[1];
    assertThat(server.send(new As("Cookie", cookieOnly), "POST", "/api/v1/auth/logout", null).status()).isEqualTo(403);
    Reply out = server.send(mod, "POST", "/api/v1/auth/logout", null);
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.cookie(SessionCookie.NAME)).contains("Max-Age=0");
    assertThat(server.send(mod, "GET", "/api/v1/auth/me", null).status()).isEqualTo(401);
  }

  @Test
  void bruteForceIsThrottledEvenForTheRightPassword() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      Reply r = login("victim@example.org", "wrong password " + i);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.error()).isEqualTo("LOGIN_FAILED");
    }
    Reply locked = login("victim@example.org", Staff.PASSWORD);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.error()).isEqualTo("LOGIN_THROTTLED");
    assertThat(locked.raw().headers().firstValue("Set-Cookie")).isEmpty();
    // another account from the same address is not locked out by it
    assertThat(login("mod@example.org", Staff.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordAndUnknownEmailLookTheSame() {
    Reply unknown = login("nobody@example.org", "whatever-it-is");
    Reply wrong = login("mod@example.org", "not the password");
    assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
    assertThat(unknown.raw().body()).isEqualTo(wrong.raw().body());
  }
}
