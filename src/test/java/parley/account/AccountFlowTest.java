package parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.mail.MailConfig;
import parley.store.Dialect;
import parley.testing.Eventually;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/**
 * Readers' accounts as the widget uses them, on both databases, against a real server and a real SMTP server:
 * widget sessions in a header (never a cookie, never staff powers), profile, history, export, deletion that leaves
 * threads whole, and password reset by email.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFlowTest {
  static final String PASSWORD = "a long enough password";
  @Parameter
  Dialect dialect;
  GreenMail smtp;
  ModerationServer server;
  int seq;

  @BeforeParameterizedClassInvocation
  void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    MailConfig mail = MailConfig.defaults().withSmtp("127.0.0.1", smtp.getSmtp().getPort(), "Parley <parley@news.example>")
        .withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50)).withDigestEvery(Duration.ZERO);
    server = ModerationServer.on(dialect, c -> c.withMail(mail), new KeywordClassifier());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    if (smtp != null) smtp.stop();
  }

  record Reader(String email, String token) {
    As as() {
      return new As("X-Parley-Session", token, "X-Parley-Client", "client-" + email);
    }
  }

  private Reader signUp(String name) {
    String email = "reader" + (++seq) + "-" + dialect.name().toLowerCase() + "@example.org";
    Reply r = server.send(As.ANONYMOUS, "POST", "/api/v1/account/signup", "{\"email\":\"" + email
        + "\",\"password\":\"" + PASSWORD + "\",\"name\":" + ModerationServer.quote(name) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    assertThat(r.raw().headers().allValues("Set-Cookie")).as("widget sessions use no cookie").isEmpty();
    return new Reader(email, r.json().path("token").asText());
  }

  private long post(As as, String page, Long parentId, String body) {
    Reply r = server.send(as, "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"" + page + "\",\"author\":\"Typed\","
        + "\"parentId\":" + parentId + ",\"body\":" + ModerationServer.quote(body) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("comment").path("id").asLong();
  }

  private int publishedCount(String page) {
    return server.thread(As.ANONYMOUS, page).json().path("thread").path("commentCount").asInt();
  }

  @Test
  void aWidgetSessionSignsCommentsWithTheProfileNameWithoutCookieOrCsrf() {
    Reader ada = signUp("Ada Reader");
    Reply me = server.send(ada.as(), "GET", "/api/v1/account", null);
    assertThat(me.json().path("name").asText()).isEqualTo("Ada Reader");
    assertThat(me.json().path("email").asText()).isEqualTo(ada.email());
    long id = post(ada.as(), "signed", null, "Posted while signed in.");
    Reply thread = server.thread(As.ANONYMOUS, "signed");
    assertThat(thread.json().path("comments").get(0).path("author").asText()).isEqualTo("Ada Reader");
    Long owner = server.app().database().read(h -> h.createQuery("SELECT author_account_id FROM comments WHERE id = :id")
        .bind("id", id).mapTo(Long.class).one());
    assertThat(owner).isEqualTo(me.json().path("id").asLong());
    // the same token presented as a cookie is not a dashboard session
    assertThat(server.send(new As("Cookie", "parley_session=" + ada.token()), "GET", "/api/v1/auth/me", null).status())
        .isEqualTo(401);
    assertThat(server.send(new As("X-Parley-Session", "not-a-token"), "GET", "/api/v1/account", null).error())
        .isEqualTo("NOT_SIGNED_IN");
  }

  @Test
  void aModeratorSignedInThroughTheWidgetHasNoModeratorPowersThere() {
    Staff.create(server.app(), "mod-" + dialect.name().toLowerCase() + "@example.org", ModerationServer.SITE, Role.MODERATOR);
    Reply r = server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin",
        "{\"email\":\"mod-" + dialect.name().toLowerCase() + "@example.org\",\"password\":\"" + Staff.PASSWORD + "\"}");
    assertThat(r.status()).isEqualTo(200);
    As widget = new As("X-Parley-Session", r.json().path("token").asText());
    assertThat(server.send(widget, "GET", "/api/v1/sites/news/queues/pending", null).status()).isEqualTo(403);
  }

  @Test
  void wrongPasswordsFailAndAreThrottledAndSignOutEndsTheSession() {
    Reader bo = signUp("Bo");
    for (int i = 0; i < 5; i++) {
      Reply r = server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin", "{\"email\":\"" + bo.email() + "\",\"password\":\"wrong password " + i + "\"}");
      assertThat(r.error()).isEqualTo("LOGIN_FAILED");
    }
    Reply locked = server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin", "{\"email\":\"" + bo.email() + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.error()).isEqualTo("LOGIN_THROTTLED");
    assertThat(server.send(bo.as(), "POST", "/api/v1/account/signout", null).status()).isEqualTo(204);
    assertThat(server.send(bo.as(), "GET", "/api/v1/account", null).status()).isEqualTo(401);
  }

  @Test
  void theProfileChangesNameColourAndNotificationsAndRefusesBadValues() {
    Reader cy = signUp("Cy");
    Reply r = server.send(cy.as(), "PATCH", "/api/v1/account",
        "{\"name\":\"Cy Twombly\",\"hue\":210,\"notifyReplies\":true,\"site\":\"news\"}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.json().path("name").asText()).isEqualTo("Cy Twombly");
    assertThat(r.json().path("hue").asInt()).isEqualTo(210);
    assertThat(r.json().path("notifyReplies").asBoolean()).isTrue();
    // reply emails start with the notifications' double opt-in: the account's address was never confirmed
    Eventually.until("the confirmation email", () -> messagesTo(cy.email()) == 1);
    assertThat(subscriptions(cy.email())).isEqualTo(1);
    server.send(cy.as(), "PATCH", "/api/v1/account", "{\"notifyReplies\":false,\"site\":\"news\"}");
    assertThat(subscriptions(cy.email())).isZero();
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "{\"hue\":null}").json().path("hue").isNull()).isTrue();
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "{\"hue\":400}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "{\"notifyReplies\":\"yes\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "{\"name\":\"Ana\\u202Erotaredom\"}").error())
        .isEqualTo("AUTHOR_NAME_INVALID");
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "{\"name\":\"" + "x".repeat(81) + "\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "{\"name\":\"" + "x".repeat(5000) + "\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(cy.as(), "PATCH", "/api/v1/account", "not json").error()).isEqualTo("MALFORMED_JSON");
    // markup in a name is only text: stored as typed, answered as a JSON string (the widget shows it with textContent)
    String xss = "<img src=x onerror=alert(1)>";
    Reply named = server.send(cy.as(), "PATCH", "/api/v1/account", "{\"name\":" + ModerationServer.quote(xss) + "}");
    assertThat(named.json().path("name").asText()).isEqualTo(xss);
    assertThat(named.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(server.send(As.ANONYMOUS, "PATCH", "/api/v1/account", "{\"name\":\"x\"}").status()).isEqualTo(401);
  }

  @Test
  void historyAndExportShowOnlyTheReadersOwnComments() {
    Reader di = signUp("Di");
    Reader other = signUp("Other");
    long first = post(di.as(), "history", null, "My first words.");
    post(other.as(), "history", first, "Someone else's reply.");
    long second = post(di.as(), "history-2", null, "My second words.");
    Reply h = server.send(di.as(), "GET", "/api/v1/account/comments", null);
    assertThat(h.json().path("comments")).hasSize(2);
    assertThat(h.json().path("comments").get(0).path("id").asLong()).isEqualTo(second);
    assertThat(h.json().path("comments").get(1).path("page").asText()).isEqualTo("history");
    Reply page = server.send(di.as(), "GET", "/api/v1/account/comments?limit=1", null);
    assertThat(page.json().path("comments")).hasSize(1);
    Reply rest = server.send(di.as(), "GET", "/api/v1/account/comments?limit=1&before=" + page.json().path("nextBefore").asLong(), null);
    assertThat(rest.json().path("comments").get(0).path("id").asLong()).isEqualTo(first);
    assertThat(server.send(di.as(), "GET", "/api/v1/account/comments?before=x", null).error()).isEqualTo("VALIDATION_FAILED");

    Reply export = server.send(di.as(), "GET", "/api/v1/account/export", null);
    assertThat(export.raw().headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
    assertThat(export.json().path("account").path("email").asText()).isEqualTo(di.email());
    assertThat(export.json().path("comments")).hasSize(2);
    assertThat(export.json().path("comments").get(0).path("body_markdown").asText()).isEqualTo("My first words.");
    assertThat(export.raw().body()).doesNotContain("Someone else's reply.");
  }

  @Test
  void deletionLeavesPlaceholdersSoRepliesKeepTheirThreadAndCountsFollow() {
    Reader ed = signUp("Ed Erased");
    Reader fay = signUp("Fay");
    long top = post(ed.as(), "erase", null, "Text that must go.");
    post(fay.as(), "erase", top, "A reply that stays.");
    assertThat(publishedCount("erase")).isEqualTo(2);
    assertThat(server.send(ed.as(), "DELETE", "/api/v1/account", "{\"password\":\"wrong password!\"}").error())
        .isEqualTo("LOGIN_FAILED");
    Reply gone = server.send(ed.as(), "DELETE", "/api/v1/account", "{\"password\":\"" + PASSWORD + "\"}");
    assertThat(gone.status()).as(gone.raw().body()).isEqualTo(200);
    assertThat(gone.json().path("erasedComments").asInt()).isEqualTo(1);

    Reply thread = server.thread(As.ANONYMOUS, "erase");
    assertThat(thread.raw().body()).doesNotContain("Text that must go.").doesNotContain("Ed Erased");
    var placeholder = thread.json().path("comments").get(0);
    assertThat(placeholder.path("state").asText()).isEqualTo("deleted");
    assertThat(placeholder.path("replies").get(0).path("author").asText()).isEqualTo("Fay");
    assertThat(publishedCount("erase")).isEqualTo(1);
    assertThat(server.send(ed.as(), "GET", "/api/v1/account", null).status()).isEqualTo(401);
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin",
        "{\"email\":\"" + ed.email() + "\",\"password\":\"" + PASSWORD + "\"}").error()).isEqualTo("LOGIN_FAILED");
    // the address is free again
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signup",
        "{\"email\":\"" + ed.email() + "\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(201);
  }

  @Test
  void theResetEmailIsWrittenInTheWidgetsLanguage() throws Exception {
    Reader hana = signUp("Hana");
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset", "{\"email\":\"" + hana.email()
        + "\",\"site\":\"news\",\"url\":\"https://news.example/story\",\"lang\":\"ar\"}").status()).isEqualTo(202);
    Eventually.until("the reset email", () -> messagesTo(hana.email()) == 1);
    MimeMessage m = java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(x -> recipient(x).equals(hana.email())).findFirst().orElseThrow();
    assertThat(m.getSubject()).isEqualTo("إعادة تعيين كلمة مرور حساب التعليقات");
    assertThat((String) m.getContent()).contains("خلال ساعة").contains("https://news.example/story#parley-reset=");
  }

  @Test
  void aResetLinkFromTheEmailSetsANewPasswordOnceAndEndsOldSessions() throws Exception {
    Reader gil = signUp("Gil");
    String ask = "{\"email\":\"" + gil.email() + "\",\"site\":\"news\",\"url\":\"https://news.example/story#comments\"}";
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset", ask).status()).isEqualTo(202);
    // unknown addresses get the same answer and no email
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset",
        "{\"email\":\"nobody@example.org\",\"site\":\"news\",\"url\":\"https://news.example/story\"}").status()).isEqualTo(202);
    // a link may only point at the site's own pages: elsewhere it would hand the token to a stranger
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset",
        "{\"email\":\"" + gil.email() + "\",\"site\":\"news\",\"url\":\"https://evil.example/\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset",
        "{\"email\":\"" + gil.email() + "\",\"site\":\"news\",\"url\":\"javascript:alert(1)//news.example\"}").error())
        .isEqualTo("VALIDATION_FAILED");

    Eventually.until("the reset email", () -> messagesTo(gil.email()) == 1);
    MimeMessage m = java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(x -> recipient(x).equals(gil.email())).findFirst().orElseThrow();
    Matcher link = Pattern.compile("https://news\\.example/story#parley-reset=(\\S+)").matcher((String) m.getContent());
    assertThat(link.find()).as((String) m.getContent()).isTrue();
    String token = link.group(1);
    assertThat(messagesTo("nobody@example.org")).isZero();

    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset/confirm",
        "{\"token\":\"" + token + "\",\"password\":\"short\"}").error()).isEqualTo("VALIDATION_FAILED");
    Reply done = server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset/confirm",
        "{\"token\":\"" + token + "\",\"password\":\"a brand new password\"}");
    assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
    assertThat(server.send(new As("X-Parley-Session", done.json().path("token").asText()), "GET", "/api/v1/account", null)
        .status()).isEqualTo(200);
    assertThat(server.send(gil.as(), "GET", "/api/v1/account", null).status()).as("old sessions end").isEqualTo(401);
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset/confirm",
        "{\"token\":\"" + token + "\",\"password\":\"yet another password\"}").error()).isEqualTo("RESET_TOKEN_INVALID");
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin",
        "{\"email\":\"" + gil.email() + "\",\"password\":\"a brand new password\"}").status()).isEqualTo(200);
  }

  @Test
  void anExpiredResetTokenIsRefused() throws Exception {
    Reader hal = signUp("Hal");
    server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset",
        "{\"email\":\"" + hal.email() + "\",\"site\":\"news\",\"url\":\"https://news.example/a\"}");
    Eventually.until("the reset email", () -> messagesTo(hal.email()) == 1);
    MimeMessage m = java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(x -> recipient(x).equals(hal.email())).findFirst().orElseThrow();
    Matcher link = Pattern.compile("#parley-reset=(\\S+)").matcher((String) m.getContent());
    assertThat(link.find()).isTrue();
    server.app().database().write(h -> h.createUpdate("UPDATE password_resets SET expires_at = :t")
        .bind("t", Instant.now().minusSeconds(1).toEpochMilli()).execute());
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset/confirm",
        "{\"token\":\"" + link.group(1) + "\",\"password\":\"a brand new password\"}").error()).isEqualTo("RESET_TOKEN_INVALID");
  }

  @Test
  void theSitesSingleSignOnWinsOverAWidgetSessionWhenBothAreSent() {
    Staff.create(server.app(), "admin-" + dialect.name().toLowerCase() + "@example.org", ModerationServer.SITE, Role.ADMIN);
    As admin = server.login("admin-" + dialect.name().toLowerCase() + "@example.org", Staff.PASSWORD);
    String secret = server.send(admin, "POST", "/api/v1/sites/news/sso-secret", null).json().path("secret").asText();
    Instant now = Instant.now();
    String jwt = JWT.create().withAudience("news").withSubject("u-7").withClaim("name", "Newspaper User")
        .withIssuedAt(now).withExpiresAt(now.plusSeconds(300)).sign(Algorithm.HMAC256(secret));
    Reader ivy = signUp("Ivy");
    long id = post(new As("X-Parley-Session", ivy.token(), "X-Parley-SSO", jwt), "sso-side", null, "Both identities sent.");
    assertThat(server.thread(As.ANONYMOUS, "sso-side").json().path("comments").get(0).path("author").asText())
        .isEqualTo("Newspaper User");
    assertThat(id).isPositive();
  }

  @Test
  void hostileRequestsAreRefusedWithStableCodes() {
    assertThat(server.send(new As("Origin", "https://evil.example"), "POST", "/api/v1/account/signin",
        "{\"email\":\"a@b.cd\",\"password\":\"x\"}").error()).isEqualTo("ORIGIN_NOT_ALLOWED");
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signup",
        "{\"email\":\"" + "a".repeat(2000) + "@b.cd\",\"password\":\"" + PASSWORD + "\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signup",
        "{\"email\":\"ok@example.org\",\"password\":\"" + PASSWORD + "\",\"name\":\"\\u200B\"}").error()).isEqualTo("AUTHOR_NAME_INVALID");
    // a cross-site form cannot send JSON: a body of any other type is refused before anything else
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin", null).error()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/password-reset/confirm",
        "{\"token\":\"" + "t".repeat(500) + "\",\"password\":\"a brand new password\"}").error()).isEqualTo("RESET_TOKEN_INVALID");
  }

  private long subscriptions(String email) {
    return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM reply_subscriptions WHERE email = :e")
        .bind("e", email).mapTo(Long.class).one());
  }

  private int messagesTo(String address) {
    return (int) java.util.Arrays.stream(smtp.getReceivedMessages()).filter(x -> recipient(x).equals(address)).count();
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
