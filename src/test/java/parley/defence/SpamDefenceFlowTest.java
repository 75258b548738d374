package parley.defence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.kit.Json;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/** Honeypot and proof of work through the real API, on both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpamDefenceFlowTest {
  static final String SITE = ModerationServer.SITE;
  @Parameter
  Dialect dialect;
  ModerationServer server;
  As admin;
  int posts;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, new KeywordClassifier());
    Staff.create(server.app(), "defence-admin@example.org", SITE, Role.ADMIN);
    admin = server.login("defence-admin@example.org", Staff.PASSWORD);
    // repeated short comments from one reader: the duplicate and rate rules must not decide here
    server.app().moderation().updatePolicy(SITE, parley.moderation.Policy.permissive());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  private Reply settings(String json) {
    return server.send(admin, "PUT", "/api/v1/sites/" + SITE + "/defence", json);
  }

  private Reply post(String page, String extraFields) {
    return server.send(As.reader("defence-reader"), "POST", "/api/v1/comments", "{\"site\":\"" + SITE
        + "\",\"page\":\"" + page + "\",\"author\":\"Reader\",\"body\":\"The tram timetable looks fine to me, says reader "
        + (++posts) + ".\"" + extraFields + "}");
  }

  private JsonNode challenge() {
    Reply r = server.send(As.ANONYMOUS, "GET", "/api/v1/challenge?site=" + SITE, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Cache-Control")).contains("no-store");
    return r.json().path("challenge");
  }

  @Test
  void theHoneypotIsOnByDefaultAndStoresTheBotsCommentRejectedWithItsReason() throws Exception {
    settings("{\"honeypot\":true,\"proofOfWork\":false}");
    assertThat(server.send(admin, "GET", "/api/v1/sites/" + SITE + "/defence", null).json().path("honeypot").asBoolean())
        .isTrue();
    Reply person = post("honeypot", ",\"homepage\":\"\"");
    assertThat(person.status()).isEqualTo(201);
    assertThat(person.json().path("comment").path("state").asText()).isEqualTo("published");

    Reply bot = post("honeypot", ",\"homepage\":\"https://cheap-pills.example\"");
    assertThat(bot.status()).as("the bot gets an ordinary answer").isEqualTo(201);
    assertThat(bot.json().path("comment").path("state").asText()).isEqualTo("rejected");
    long id = bot.json().path("comment").path("id").asLong();
    String moderation = server.app().database().read(h -> h.createQuery("SELECT moderation FROM comments WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
    assertThat(Json.MAPPER.readTree(moderation).path("reasons").get(0).path("rule").asText()).isEqualTo("honeypot");
    assertThat(server.thread(As.reader("someone-else"), "honeypot").json().path("comments")).hasSize(1);

    settings("{\"honeypot\":false}");
    assertThat(post("honeypot-off", ",\"homepage\":\"https://cheap-pills.example\"").json().path("comment")
        .path("state").asText()).as("a site may switch it off").isEqualTo("published");
    settings("{\"honeypot\":true}");
  }

  @Test
  void proofOfWorkIsOffByDefaultAndThenRequiredVerifiedAndSpentOnce() {
    settings("{\"proofOfWork\":false}");
    assertThat(challenge().isNull()).isTrue();
    assertThat(post("pow", "").status()).isEqualTo(201);

    assertThat(settings("{\"proofOfWork\":true,\"difficulty\":2000}").json().path("difficulty").asLong()).isEqualTo(2000);
    assertThat(post("pow", "").error()).isEqualTo("POW_REQUIRED");
    assertThat(post("pow", "").status()).isEqualTo(403);
    assertThat(post("pow", ",\"pow\":\"solved, honest\"").error()).isEqualTo("POW_INVALID");
    JsonNode c = challenge();
    assertThat(c.path("maxNumber").asLong()).isEqualTo(2000);
    assertThat(post("pow", ",\"pow\":{\"salt\":" + ModerationServer.quote(c.path("salt").asText())
        + ",\"number\":-1,\"signature\":\"" + c.path("signature").asText() + "\"}").status()).isEqualTo(400);

    String solution = PowSolver.field(c);
    Reply first = post("pow", ",\"pow\":" + solution);
    assertThat(first.status()).isEqualTo(201);
    Reply again = post("pow", ",\"pow\":" + solution);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error()).isEqualTo("POW_REPLAYED");

    // a challenge signed with this installation's secret that expired a second ago
    var pow = new ProofOfWork(new DefenceStore(server.app().database(), Clock.systemUTC()).secret());
    var old = pow.issue(SITE, 1000, Instant.now().minusSeconds(1));
    long n = PowSolver.solve(old.challenge(), old.salt(), old.maxNumber());
    Reply expired = post("pow", ",\"pow\":{\"salt\":\"" + old.salt() + "\",\"number\":" + n + ",\"signature\":\""
        + old.signature() + "\"}");
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.error()).isEqualTo("POW_EXPIRED");
    // a challenge for another site does not open this one
    settings("{\"proofOfWork\":false}");
  }

  @Test
  void settingsAreValidatedAndTheChallengeNeedsAKnownSite() {
    assertThat(settings("{\"difficulty\":10}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(settings("{\"difficulty\":\"hard\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(settings("{\"proofOfWork\":\"yes\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(settings("{\"captcha\":true}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(settings("[]").error()).isEqualTo("MALFORMED_JSON");
    assertThat(server.send(As.ANONYMOUS, "GET", "/api/v1/challenge?site=nope", null).error()).isEqualTo("SITE_NOT_FOUND");
    assertThat(server.send(As.ANONYMOUS, "GET", "/api/v1/challenge", null).error()).isEqualTo("SITE_NOT_FOUND");
    // a challenge asked from an origin the site does not allow
    assertThat(server.send(new As("Origin", "https://evil.example"), "GET", "/api/v1/challenge?site=" + SITE, null)
        .error()).isEqualTo("ORIGIN_NOT_ALLOWED");
  }

  @Test
  void hostileRequestsAreRefusedWithStableCodes() {
    // the settings change needs the session's CSRF token, like every cookie-authenticated change
    String cookie = admin.headers()[1];
    Reply forged = server.send(new As("Cookie", cookie), "PUT", "/api/v1/sites/" + SITE + "/defence",
        "{\"proofOfWork\":true}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.error()).isEqualTo("CSRF_TOKEN_INVALID");
    settings("{\"proofOfWork\":true,\"difficulty\":1000}");
    // an oversized salt is refused before any hashing; a cross-site form post never reaches the check
    Reply huge = post("hostile", ",\"pow\":{\"salt\":\"" + "a.1.".repeat(5000) + "news\",\"number\":1,\"signature\":\"00\"}");
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.error()).isEqualTo("POW_INVALID");
    Reply form = server.send(As.ANONYMOUS, "POST", "/api/v1/comments", null);
    assertThat(form.status()).isIn(400, 415);
    Reply script = server.send(As.ANONYMOUS, "GET", "/api/v1/challenge?site=%3Cscript%3Ealert(1)%3C/script%3E", null);
    assertThat(script.error()).isEqualTo("SITE_NOT_FOUND");
    assertThat(script.raw().body()).doesNotContain("<script>");
    settings("{\"proofOfWork\":false}");
  }

  @Test
  void aChallengeForOneSiteDoesNotOpenAnother() {
    settings("{\"proofOfWork\":true,\"difficulty\":1000}");
    Staff.create(server.app(), "other-admin@example.org", "other", Role.ADMIN);
    As otherAdmin = server.login("other-admin@example.org", Staff.PASSWORD);
    server.send(otherAdmin, "PUT", "/api/v1/sites/other/defence", "{\"proofOfWork\":true,\"difficulty\":1000}");
    String solution = PowSolver.field(challenge());
    Reply onOther = server.send(As.reader("x"), "POST", "/api/v1/comments",
        "{\"site\":\"other\",\"page\":\"p\",\"body\":\"Hello there.\",\"pow\":" + solution + "}");
    assertThat(onOther.error()).isEqualTo("POW_INVALID");
    settings("{\"proofOfWork\":false}");
    server.send(otherAdmin, "PUT", "/api/v1/sites/other/defence", "{\"proofOfWork\":false}");
  }
}
