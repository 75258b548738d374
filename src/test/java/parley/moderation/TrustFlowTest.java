package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/** Trust scores, the site's trust policy in the pipeline, and the appeal note on bans; SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustFlowTest {
  @Parameter
  Dialect dialect;
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  static final String TRUST = "\"trust\":{\"publishedWeight\":2,\"rejectedWeight\":-5,\"upheldReportWeight\":-1,"
      + "\"trustedAt\":4,\"lowAt\":-5,\"trustedSkipPremoderation\":true,\"lowTrustHeld\":true,"
      + "\"appealNote\":\"write to moderation@paper.example\"}";
  ModerationServer server;
  As mod;
  As admin;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, c -> c
        .withTrustedProxies(parley.web.TrustedProxies.parse("127.0.0.1, ::1")), new KeywordClassifier());
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    mod = server.login("mod@example.org", Staff.PASSWORD);
    admin = server.login("admin@example.org", Staff.PASSWORD);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  static As reader(String client, int address) {
    return new As("X-Parley-Client", client, "X-Forwarded-For", "198.51.100." + address);
  }

  Reply post(As as, String page, String body) {
    return server.comment(as, page, body);
  }

  long id(Reply r) {
    return r.json().path("comment").path("id").asLong();
  }

  String state(Reply r) {
    return r.json().path("comment").path("state").asText();
  }

  JsonNode trust(long commentId) {
    return server.send(mod, "GET", S + "/comments/" + commentId + "/trust", null).json();
  }

  void policy(String mode) {
    assertThat(server.send(admin, "PUT", S + "/policy", "{\"mode\":\"" + mode + "\"," + TRUST + "}").status())
        .isEqualTo(200);
  }

  @Test
  void approvedCommentsEarnTrustAndATrustedAuthorSkipsPremoderation() {
    policy("PRE_MODERATE_ALL");
    As regular = reader("regular", 10);
    long first = id(post(regular, "trust-up", "First thoughts on the budget."));
    long second = id(post(regular, "trust-up", "And on the new library."));
    assertThat(trust(first).path("score").asInt()).isZero();
    assertThat(trust(first).path("explain").asText()).isEqualTo("no history");
    server.send(mod, "POST", S + "/comments/" + first + "/approve", null);
    server.send(mod, "POST", S + "/comments/" + second + "/approve", null);

    JsonNode t = trust(first);
    assertThat(t.path("score").asInt()).isEqualTo(4);
    assertThat(t.path("standing").asText()).isEqualTo("TRUSTED");
    assertThat(t.path("explain").asText()).isEqualTo("+4 published (2)");
    Reply third = post(regular, "trust-up", "A third comment, now trusted.");
    assertThat(state(third)).isEqualTo("published");
    JsonNode detail = server.send(mod, "GET", S + "/comments/" + id(third), null).json();
    // the third comment, published, already counts
    assertThat(detail.path("authorTrust").path("score").asInt()).isEqualTo(6);
    assertThat(detail.path("comment").path("moderation").toString()).contains("trust.trusted");
    // content rules still apply to a trusted author
    assertThat(state(post(regular, "trust-up", "I will kill this thread"))).isIn("pending", "rejected");
    // a newcomer is still pre-moderated
    assertThat(state(post(reader("newcomer", 11), "trust-up", "Hello, first time here."))).isEqualTo("pending");
  }

  @Test
  void rejectionsAndUpheldReportsLowerTrustAndALowTrustAuthorIsAlwaysHeld() {
    policy("POST_MODERATE");
    As rough = reader("rough", 20);
    long bad = id(post(rough, "trust-down", "The council are all crooks, every one."));
    assertThat(server.send(reader("reporter", 21), "POST", "/api/v1/comments/" + bad + "/report",
        "{\"reason\":\"abuse\"}").status()).isEqualTo(201);
    server.send(mod, "POST", S + "/comments/" + bad + "/reject", null);

    JsonNode t = trust(bad);
    assertThat(t.path("score").asInt()).isEqualTo(-6);
    assertThat(t.path("standing").asText()).isEqualTo("LOW");
    assertThat(t.path("explain").asText()).isEqualTo("−5 rejected, −1 upheld reports");
    Reply next = post(rough, "trust-down", "A perfectly civil remark.");
    assertThat(state(next)).isEqualTo("pending");
    JsonNode detail = server.send(mod, "GET", S + "/comments/" + id(next), null).json();
    assertThat(detail.path("comment").path("moderation").toString()).contains("trust.low");
    // another author on the same site is not affected
    assertThat(state(post(reader("calm", 22), "trust-down", "A perfectly civil remark too."))).isEqualTo("published");
  }

  @Test
  void aPermanentlyBannedReaderIsToldHowToAppealAndASuspendedOneIsNot() {
    policy("POST_MODERATE");
    long banned = id(post(reader("banned", 30), "appeal", "Something to ban for."));
    server.send(mod, "POST", S + "/comments/" + banned + "/ban", "{\"reason\":\"threats\"}");
    Reply refused = post(reader("banned", 30), "appeal", "Let me back in");
    assertThat(refused.error()).isEqualTo("AUTHOR_BANNED");
    assertThat(refused.json().path("error").path("appeal").asText()).isEqualTo("write to moderation@paper.example");
    assertThat(refused.json().path("error").path("message").asText())
        .contains("threats").endsWith("To appeal: write to moderation@paper.example");

    long suspended = id(post(reader("suspended", 31), "appeal", "Something to suspend for."));
    server.send(mod, "POST", S + "/comments/" + suspended + "/ban", "{\"until\":\"24h\"}");
    Reply later = post(reader("suspended", 31), "appeal", "Let me back in");
    assertThat(later.error()).isEqualTo("AUTHOR_SUSPENDED");
    assertThat(later.json().path("error").has("appeal")).isFalse();
  }

  @Test
  void trustSettingsMergeFieldByFieldAndImpossibleOnesAreRefused() {
    policy("POST_MODERATE");
    Reply note = server.send(admin, "PUT", S + "/policy", "{\"trust\":{\"appealNote\":\"ask the editor\"}}");
    assertThat(note.json().path("trust").path("appealNote").asText()).isEqualTo("ask the editor");
    assertThat(note.json().path("trust").path("rejectedWeight").asInt()).isEqualTo(-5);
    assertThat(server.send(admin, "PUT", S + "/policy", "{\"trust\":{\"lowAt\":4}}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(admin, "PUT", S + "/policy", "{\"trust\":{\"colour\":\"red\"}}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(admin, "PUT", S + "/policy", "{\"trust\":{\"appealNote\":\"" + "x".repeat(501) + "\"}}")
        .error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(mod, "GET", S + "/comments/999999/trust", null).status()).isEqualTo(404);
  }
}
