package parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.kit.Json;
import parley.mail.MailConfig;
import parley.store.Dialect;
import parley.testing.Eventually;
import parley.testing.WebhookReceiver;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/**
 * Webhooks end to end on both databases, against a real local HTTP receiver: signed calls on published, held and
 * reported; retries through the outbox; Slack and Discord bodies; admin-only management. This server has no SMTP, so
 * it also shows that reply notifications are then off.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookFlowTest {
  @Parameter
  Dialect dialect;
  WebhookReceiver receiver;
  ModerationServer server;
  As admin;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() throws Exception {
    receiver = new WebhookReceiver();
    MailConfig outbox = MailConfig.defaults().withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50));
    server = ModerationServer.on(dialect, c -> c.withMail(outbox), new KeywordClassifier());
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    admin = server.login("admin@example.org", Staff.PASSWORD);
    mod = server.login("mod@example.org", Staff.PASSWORD);
    assertThat(server.send(admin, "PUT", "/api/v1/sites/news/policy", "{\"reportsToQueue\":1}").status()).isEqualTo(200);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    if (receiver != null) receiver.close();
  }

  private String hook(String path, String format, String events) {
    Reply r = server.send(admin, "POST", "/api/v1/sites/news/webhooks", "{\"url\":\"" + receiver.url(path)
        + "\",\"format\":\"" + format + "\"" + (events == null ? "" : ",\"events\":" + events) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    assertThat(r.json().path("webhook").has("secret")).isFalse();
    return r.json().path("secret").asText();
  }

  /** The documented check a receiver does: HMAC-SHA256 over "t.body" with the secret, hex, compared with v1. */
  private static boolean verifies(String secret, WebhookReceiver.Call call) throws Exception {
    String header = call.header("Parley-Signature");
    String t = header.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1");
    String v1 = header.substring(header.indexOf("v1=") + 3);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
    return expected.equals(v1) && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300;
  }

  @Test
  void signedJsonOnPublishedHeldAndReportedWithoutEmails() throws Exception {
    String secret = hook("/json", "json", null);
    assertThat(secret).startsWith("whsec_");
    Reply published = server.send(As.reader("w1"), "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"w\","
        + "\"title\":\"The tram\",\"author\":\"Wendy\",\"email\":\"wendy@example.org\",\"body\":\"Lovely trams.\"}");
    long id = published.json().path("comment").path("id").asLong();
    server.comment(As.reader("w2"), "w", "You idiot"); // held by the keyword classifier
    assertThat(server.send(As.reader("w3"), "POST", "/api/v1/comments/" + id + "/report", "{\"reason\":\"spam\"}").status())
        .isEqualTo(201);

    Eventually.until("three calls", () -> receiver.to("/json").size() >= 3);
    var calls = receiver.to("/json");
    assertThat(calls).extracting(c -> c.header("Parley-Event"))
        .containsExactlyInAnyOrder("comment.published", "comment.held", "comment.reported");
    for (WebhookReceiver.Call c : calls) {
      assertThat(verifies(secret, c)).as(c.header("Parley-Signature")).isTrue();
      assertThat(verifies("whsec_wrong", c)).isFalse();
      assertThat(c.body()).doesNotContain("@example.org");
    }
    JsonNode first = Json.MAPPER.readTree(calls.stream().filter(c -> c.header("Parley-Event").equals("comment.published"))
        .findFirst().orElseThrow().body());
    assertThat(first.path("event").asText()).isEqualTo("comment.published");
    assertThat(first.path("site").asText()).isEqualTo("news");
    assertThat(first.path("comment").path("id").asLong()).isEqualTo(id);
    assertThat(first.path("comment").path("body").asText()).isEqualTo("Lovely trams.");
    assertThat(first.path("thread").path("title").asText()).isEqualTo("The tram");
  }

  @Test
  void aFailingReceiverIsRetriedUntilItAnswers() {
    receiver.statuses.put("/flaky", new java.util.concurrent.ConcurrentLinkedQueue<>(java.util.List.of(500, 503)));
    hook("/flaky", "json", "[\"published\"]");
    server.comment(As.reader("r1"), "retry", "Try, try again.");
    Eventually.until("delivered on the third try", () -> receiver.to("/flaky").size() >= 3);
    var calls = receiver.to("/flaky");
    assertThat(calls).extracting(c -> c.header("Parley-Delivery")).containsOnly(calls.get(0).header("Parley-Delivery"));
    Eventually.until("row sent", () -> server.app().database().read(h -> h.createQuery(
        "SELECT state FROM outbox WHERE id = :id").bind("id", Long.parseLong(calls.get(0).header("Parley-Delivery")))
        .mapTo(String.class).one()).equals("sent"));
    assertThat(server.send(As.ANONYMOUS, "GET", "/metrics", null).raw().body()).containsPattern("parley_outbox_rows\\{state=\"sent\",?\\} [1-9]");
  }

  @Test
  void slackAndDiscordGetBodiesTheyAcceptWithoutMarkupOrPings() throws Exception {
    hook("/slack", "slack", "[\"published\"]");
    hook("/discord", "discord", "[\"published\"]");
    server.comment(As.reader("s1"), "chat", "<!channel> @everyone <https://evil.example|click> & more");
    Eventually.until("both called", () -> !receiver.to("/slack").isEmpty() && !receiver.to("/discord").isEmpty());
    JsonNode slack = Json.MAPPER.readTree(receiver.to("/slack").get(0).body());
    assertThat(slack.path("text").asText()).contains("&lt;!channel&gt;").contains("&amp; more").doesNotContain("<!channel>");
    JsonNode discord = Json.MAPPER.readTree(receiver.to("/discord").get(0).body());
    assertThat(discord.path("content").asText()).contains("@everyone");
    assertThat(discord.path("allowed_mentions").path("parse")).isEmpty();
  }

  @Test
  void onlyAdminsManageWebhooksAndBadOnesAreRefused() {
    String s = "/api/v1/sites/news/webhooks";
    assertThat(server.send(As.ANONYMOUS, "GET", s, null).status()).isEqualTo(401);
    assertThat(server.send(mod, "POST", s, "{\"url\":\"https://h.example/\"}").status()).isEqualTo(403);
    for (String bad : new String[] {"{\"url\":\"javascript:alert(1)\"}", "{\"url\":\"https://u:p@h.example/\"}",
        "{\"url\":\"/relative\"}", "{\"url\":\"https://h.example/\",\"format\":\"xml\"}",
        "{\"url\":\"https://h.example/\",\"events\":[\"nope\"]}", "{\"url\":\"https://h.example/\",\"events\":\"published\"}"}) {
      Reply r = server.send(admin, "POST", s, bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }
    assertThat(server.send(admin, "DELETE", s + "/424242", null).json().path("error").path("code").asText())
        .isEqualTo("WEBHOOK_NOT_FOUND");
    long id = server.send(admin, "POST", s, "{\"url\":\"https://h.example/gone\"}").json().path("webhook").path("id").asLong();
    assertThat(server.send(admin, "GET", s, null).raw().body()).contains("https://h.example/gone").doesNotContain("whsec_");
    assertThat(server.send(admin, "DELETE", s + "/" + id, null).status()).isEqualTo(204);
    assertThat(server.send(admin, "GET", s, null).raw().body()).doesNotContain("https://h.example/gone");
  }

  @Test
  void withoutSmtpReplyNotificationsAreNotOffered() {
    Reply thread = server.thread(As.reader("x"), "w");
    assertThat(thread.raw().headers().firstValue("X-Parley-Notify")).isEmpty();
    Reply r = server.send(As.reader("x"), "POST", "/api/v1/subscriptions", "{\"site\":\"news\",\"email\":\"a@b.org\"}");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("NOTIFICATIONS_OFF");
  }
}
