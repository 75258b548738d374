package parley.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.MutableClock;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.web.TrustedProxies;

/** Sign-in throttling per account and per address (the reader's, through a trusted proxy), separately. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest {
  private static final String NEWSROOM = "198.51.100.10";
  private ModerationServer server;

  @BeforeAll
  void start() {
    server = ModerationServer.start(c -> c.withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1")),
        new KeywordClassifier());
    Staff.create(server.app(), "editor@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.create(server.app(), "victim@example.org", ModerationServer.SITE, Role.MODERATOR);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Reply login(String from, String email, String password) {
    return server.send(new As("X-Forwarded-For", from), "POST", "/api/v1/auth/login",
        "{\"email\":" + ModerationServer.quote(email) + ",\"password\":" + ModerationServer.quote(password) + "}");
  }

  @Test
  void anAccountIsRefusedForTheRestOfTheWindowOnTheGivenClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) throttle.failed("ed@example.org", "203.0.113." + i);
    assertThat(throttle.waitSeconds("ed@example.org", "203.0.113.99")).isEqualTo(LoginThrottle.WINDOW_MINUTES * 60L);
    clock.advance(Duration.ofMinutes(LoginThrottle.WINDOW_MINUTES - 1));
    assertThat(throttle.waitSeconds("ed@example.org", "203.0.113.99")).isEqualTo(60);
    clock.advance(Duration.ofMinutes(1).plusMillis(1));
    assertThat(throttle.waitSeconds("ed@example.org", "203.0.113.99")).isZero();
  }

  @Test
  void aGuesserInTheNewsroomDoesNotLockOutItsEditors() {
    assertThat(login(NEWSROOM, "editor@example.org", Staff.PASSWORD).status()).isEqualTo(200);
    for (int i = 0; i < LoginThrottle.FREE_IP_FAILURES; i++) {
      assertThat(login(NEWSROOM, "user" + i + "@example.org", "guess " + i).error()).isEqualTo("LOGIN_FAILED");
    }
    // the address is now throttled for new guesses ...
    assertThat(login(NEWSROOM, "user-next@example.org", "guess").error()).isEqualTo("LOGIN_THROTTLED");
    // ... but not for the editor who signs in from there, nor for anyone at another address
    assertThat(login(NEWSROOM, "editor@example.org", Staff.PASSWORD).status()).isEqualTo(200);
    assertThat(login("203.0.113.20", "user-next@example.org", "guess").error()).isEqualTo("LOGIN_FAILED");
  }

  @Test
  void guessingOneAccountFromManyAddressesLocksThatAccountOnly() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(login("203.0.113." + (100 + i), "victim@example.org", "guess " + i).error())
          .isEqualTo("LOGIN_FAILED");
    }
    assertThat(login("203.0.113.200", "victim@example.org", Staff.PASSWORD).error()).isEqualTo("LOGIN_THROTTLED");
    assertThat(login("203.0.113.200", "editor@example.org", Staff.PASSWORD).status()).isEqualTo(200);
  }
}
