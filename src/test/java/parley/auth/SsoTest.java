package parley.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/** Single sign-on: the host site signs an HS256 JWT; Parley maps it to one account per (site, user id). */
class SsoTest {
  static ModerationServer server;
  static String secret;

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    secret = server.send(admin, "POST", "/api/v1/sites/news/sso-secret", null).json().path("secret").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What the host site does, as in docs/moderation.md. */
  static String token(String secret, String site, String userId, String name, long lifetimeSeconds) {
    Instant now = Instant.now();
    return JWT.create().withAudience(site).withSubject(userId).withClaim("name", name)
        .withClaim("email", userId + "@news.example").withIssuedAt(now).withExpiresAt(now.plusSeconds(lifetimeSeconds))
        .sign(Algorithm.HMAC256(secret));
  }

  private static Reply postAs(String token, String body) {
    return server.send(new As("X-Parley-SSO", token, "X-Parley-Client", "sso-browser"), "POST", "/api/v1/comments",
        "{\"site\":\"news\",\"page\":\"sso\",\"author\":\"Spoofed Name\",\"body\":" + ModerationServer.quote(body) + "}");
  }

  @Test
  void aSignedTokenPostsUnderTheSitesUserName() {
    Reply r = postAs(token(secret, "news", "u-42", "Ada Lovelace", 300), "Signed in through the newspaper.");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("comment").path("author").asText()).isEqualTo("Ada Lovelace");
    Reply again = postAs(token(secret, "news", "u-42", "Ada L.", 300), "Second comment, new display name.");
    long account = server.app().database().read(h -> h.createQuery(
        "SELECT COUNT(DISTINCT author_account_id) FROM comments WHERE author_account_id IS NOT NULL")
        .mapTo(Long.class).one());
    assertThat(again.json().path("comment").path("author").asText()).isEqualTo("Ada L.");
    assertThat(account).isEqualTo(1);
  }

  @Test
  void forgedExpiredOrForeignTokensAreRefused() {
    assertThat(postAs(token("not-the-secret", "news", "u-1", "Mallory", 300), "x").error()).isEqualTo("SSO_TOKEN_INVALID");
    assertThat(postAs(token(secret, "news", "u-1", "Mallory", -120), "x").error()).isEqualTo("SSO_TOKEN_INVALID");
    assertThat(postAs(token(secret, "other", "u-1", "Mallory", 300), "x").error()).isEqualTo("SSO_TOKEN_INVALID");
    assertThat(postAs(token(secret, "news", "u-1", "Mallory", 7 * 24 * 3600), "x").error()).isEqualTo("SSO_TOKEN_INVALID");
    assertThat(postAs("garbage", "x").status()).isEqualTo(401);
    String none = JWT.create().withAudience("news").withSubject("u-1").withClaim("name", "M")
        .withExpiresAt(Instant.now().plus(5, ChronoUnit.MINUTES)).sign(Algorithm.none());
    assertThat(postAs(none, "x").error()).isEqualTo("SSO_TOKEN_INVALID");
  }

  @Test
  void anSsoUserGivenARoleCanModerate() {
    String t = token(secret, "news", "editor-7", "Night Editor", 300);
    Reply session = server.send(As.ANONYMOUS, "POST", "/api/v1/auth/sso", "{\"token\":\"" + t + "\"}");
    assertThat(session.status()).isEqualTo(200);
    long id = session.json().path("account").path("id").asLong();
    new AccountStore(server.app().database(), java.time.Clock.systemUTC()).grant(id, "news", Role.MODERATOR);
    As editor = As.session(session.cookie(SessionCookie.NAME).split(";", 2)[0], session.json().path("csrfToken").asText());
    assertThat(server.send(editor, "GET", "/api/v1/sites/news/queues/pending", null).status()).isEqualTo(200);
  }

  @Test
  void sitesCanRequireSignIn() {
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    server.send(admin, "PUT", "/api/v1/sites/other/policy", "{}"); // not admin of other: refused
    server.send(admin, "PUT", "/api/v1/sites/news/policy", "{\"requireAccount\":true}");
    try {
      Reply anonymous = server.comment(As.reader("anon"), "members-only", "Hello?");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.error()).isEqualTo("ACCOUNT_REQUIRED");
      assertThat(postAs(token(secret, "news", "u-9", "Member", 300), "Members only, fine.").status()).isEqualTo(201);
    } finally {
      server.send(admin, "PUT", "/api/v1/sites/news/policy", "{\"requireAccount\":false}");
    }
  }
}
