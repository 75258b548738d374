package parley.moderation.queue;

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

/** Queues, actions, audit, undo, bans, reports and thread closing through the API; run on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueFlowTest {
  @Parameter
  Dialect dialect;
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  ModerationServer server;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, c -> c
        .withTrustedProxies(parley.web.TrustedProxies.parse("127.0.0.1, ::1")), new KeywordClassifier());
    mod = server.staff("mod@example.org", Role.MODERATOR);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  long held(String client, String page, String body) {
    Reply r = server.comment(As.reader(client), page, body);
    assertThat(r.json().path("comment").path("state").asText()).isEqualTo("pending");
    return r.json().path("comment").path("id").asLong();
  }

  JsonNode queue(String name) {
    return server.send(mod, "GET", S + "/queues/" + name, null).json();
  }

  @Test
  void approveIsAuditedAndCanBeUndone() {
    long id = held("q-author", "approve", "Someone should hurt the council for this");
    JsonNode pending = queue("pending");
    JsonNode item = pending.path("items").get(0);
    assertThat(item.path("id").asLong()).isEqualTo(id);
    assertThat(item.path("scores").path("scores").path("threat").asDouble()).isGreaterThan(0.8);
    assertThat(item.path("threadTitle").asText()).isEqualTo("Page approve");
    assertThat(item.has("clientHash")).isFalse();

    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/approve", null).json()
        .path("comment").path("state").asText()).isEqualTo("published");
    assertThat(server.thread(As.reader("someone-else"), "approve").json().path("comments")).hasSize(1);
    JsonNode entry = server.send(mod, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("approve");
    assertThat(entry.path("actorName").asText()).isEqualTo("mod@example.org");
    assertThat(entry.path("before").path("state").asText()).isEqualTo("pending");
    assertThat(entry.path("after").path("state").asText()).isEqualTo("published");

    assertThat(server.send(mod, "POST", S + "/audit/" + entry.path("id").asLong() + "/undo", null).status())
        .isEqualTo(204);
    assertThat(server.thread(As.reader("someone-else"), "approve").json().path("comments")).isEmpty();
    assertThat(server.send(mod, "POST", S + "/audit/" + entry.path("id").asLong() + "/undo", null).error())
        .isEqualTo("ALREADY_UNDONE");
  }

  @Test
  void rejectedCommentsStayForReviewAndBulkActionsApplyToAll() {
    long a = held("bulk-1", "bulk", "You idiot, read the report");
    long b = held("bulk-2", "bulk", "What a moron take this is");
    Reply bulk = server.send(mod, "POST", S + "/bulk", "{\"action\":\"reject\",\"ids\":[" + a + "," + b + "]}");
    assertThat(bulk.json().path("changed").asInt()).isEqualTo(2);
    JsonNode rejected = queue("rejected").path("items");
    assertThat(rejected.findValuesAsText("id")).contains(String.valueOf(a), String.valueOf(b));
    Reply wrongIds = server.send(mod, "POST", S + "/bulk", "{\"action\":\"approve\",\"ids\":[" + a + ",99999999]}");
    assertThat(wrongIds.status()).isEqualTo(404);
    assertThat(server.send(mod, "GET", S + "/comments/" + a, null).json().path("comment").path("state").asText())
        .isEqualTo("rejected");
  }

  @Test
  void featuredCommentsShowAsEditorsPicks() {
    long id = server.comment(As.reader("pick"), "picks", "A thoughtful, well-sourced comment.").json()
        .path("comment").path("id").asLong();
    server.send(mod, "POST", S + "/comments/" + id + "/feature", null);
    assertThat(queue("featured").path("items").get(0).path("id").asLong()).isEqualTo(id);
    JsonNode picks = server.send(As.ANONYMOUS, "GET", "/api/v1/featured?site=news&page=picks", null).json();
    assertThat(picks.path("comments").get(0).path("id").asLong()).isEqualTo(id);
  }

  @Test
  void bannedAuthorsAreRefusedWithAClearMessageUntilUndone() {
    long id = held("troll", "bans", "I will kill this thread");
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/ban", "{\"reason\":\"threats\"}").status())
        .isEqualTo(200);
    Reply refused = server.comment(As.reader("troll"), "bans", "Let me back in");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error()).isEqualTo("AUTHOR_BANNED");
    assertThat(refused.json().path("error").path("message").asText()).contains("banned");
    // a new browser id, or none, from the same address does not get the author back in
    assertThat(server.comment(As.reader("troll-new-id"), "bans", "It is me again").error()).isEqualTo("AUTHOR_BANNED");
    assertThat(server.comment(As.ANONYMOUS, "bans", "Me, without an id").error()).isEqualTo("AUTHOR_BANNED");
    JsonNode bans = server.send(mod, "GET", S + "/bans", null).json().path("bans");
    assertThat(bans).hasSize(2);
    assertThat(bans.findValuesAsText("covers")).containsExactlyInAnyOrder("client", "address");
    JsonNode entry = server.send(mod, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("detail").asText()).contains("(client, address)").contains("threats");
    server.send(mod, "POST", S + "/audit/" + entry.path("id").asLong() + "/undo", null);
    assertThat(server.comment(As.reader("troll"), "bans", "Sorry about that, truly.").status()).isEqualTo(201);
    assertThat(server.send(mod, "GET", S + "/bans", null).json().path("bans")).isEmpty();
  }

  @Test
  void aSuspendedAuthorIsToldWhyAndUntilWhenAndAModeratorCanLiftItEarly() {
    long id = held("hothead", "suspend", "I will kill this thread");
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/ban", "{\"until\":\"2001-01-01T00:00:00Z\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/ban", "{\"until\":\"next tuesday\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/ban",
        "{\"until\":\"7d\",\"reason\":\"<script>alert(1)</script> cool off\"}").status()).isEqualTo(200);
    Reply refused = server.comment(As.reader("hothead"), "suspend", "Let me back in");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error()).isEqualTo("AUTHOR_SUSPENDED");
    JsonNode error = refused.json().path("error");
    assertThat(error.path("reason").asText()).isEqualTo("<script>alert(1)</script> cool off");
    java.time.Instant until = java.time.Instant.parse(error.path("until").asText());
    assertThat(until).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(7)).minusSeconds(120),
        java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
    assertThat(error.path("message").asText()).startsWith("You are suspended from commenting until ")
        .contains("UTC").contains("cool off");
    JsonNode entry = server.send(mod, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("suspend");
    assertThat(entry.path("detail").asText()).contains("suspended").contains("until");
    assertThat(server.send(mod, "POST", S + "/audit/" + entry.path("id").asLong() + "/undo", null).status())
        .isEqualTo(204);
    assertThat(server.comment(As.reader("hothead"), "suspend", "Calmer now.").status()).isEqualTo(201);
  }

  @Test
  void notesOnAnAuthorFollowThemFromCommentToCommentAndComeBackAsWritten() {
    long first = held("noted", "notes", "I will kill this thread");
    long second = server.comment(As.reader("noted"), "notes", "A second comment").json().path("comment").path("id")
        .asLong();
    long other = server.comment(As.reader("someone-else"), "notes", "Unrelated").json().path("comment").path("id")
        .asLong();
    assertThat(server.send(mod, "POST", S + "/comments/" + first + "/notes", "{\"body\":\"   \"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(mod, "POST", S + "/comments/" + first + "/notes",
        "{\"body\":\"" + "x".repeat(2_001) + "\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(mod, "POST", S + "/comments/999999/notes", "{\"body\":\"hi\"}").status()).isEqualTo(404);
    String hostile = "<img src=x onerror=alert(1)>'; DROP TABLE author_notes; --";
    Reply added = server.send(mod, "POST", S + "/comments/" + first + "/notes",
        "{\"body\":\"" + hostile + "\"}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().path("note").path("by").asText()).isEqualTo("mod@example.org");
    JsonNode notes = server.send(mod, "GET", S + "/comments/" + second + "/notes", null).json().path("notes");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).path("body").asText()).isEqualTo(hostile);
    assertThat(notes.get(0).path("createdAt").asText()).isNotBlank();
    assertThat(server.send(mod, "GET", S + "/comments/" + other + "/notes", null).json().path("notes")).isEmpty();
  }

  @Test
  void theModeratorChoosesWhatABanCovers() {
    String withEmail = "{\"site\":\"news\",\"page\":\"ban-scope\",\"author\":\"Eve\",\"email\":\"%s\","
        + "\"body\":\"%s\"}";
    Reply first = server.send(As.reader("eve-1"), "POST", "/api/v1/comments",
        withEmail.formatted("eve@example.org", "I will kill the next one who disagrees"));
    long id = first.json().path("comment").path("id").asLong();
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/ban", "{\"covers\":[\"nonsense\"]}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/ban", "{\"covers\":[\"client\",\"email\"]}")
        .status()).isEqualTo(200);
    assertThat(server.send(As.reader("eve-1"), "POST", "/api/v1/comments",
        withEmail.formatted("other@example.org", "Same browser")).error()).isEqualTo("AUTHOR_BANNED");
    assertThat(server.send(As.reader("eve-2"), "POST", "/api/v1/comments",
        withEmail.formatted(" EVE@example.org", "Same email, new browser")).error()).isEqualTo("AUTHOR_BANNED");
    // the address was not chosen: a neighbour on it still posts
    assertThat(server.send(As.reader("eve-3"), "POST", "/api/v1/comments",
        withEmail.formatted("neighbour@example.org", "A neighbour on the same network")).status()).isEqualTo(201);
    JsonNode entry = server.send(mod, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("detail").asText()).contains("(client, email)");
    server.send(mod, "POST", S + "/audit/" + entry.path("id").asLong() + "/undo", null);
  }

  @Test
  void enoughReportsMoveAPublishedCommentToTheReportedQueue() {
    long id = server.comment(As.reader("reported"), "reports", "The tram is a scam run by lizards.").json()
        .path("comment").path("id").asLong();
    String report = "{\"reason\":\"misinformation\"}";
    for (int i = 1; i <= 3; i++) {
      Reply r = server.send(new As("X-Parley-Client", "reporter-" + i, "X-Forwarded-For", "198.51.100." + i), "POST",
          "/api/v1/comments/" + id + "/report", report);
      assertThat(r.status()).isEqualTo(201);
      assertThat(queue("reported").path("items").findValuesAsText("id").contains(String.valueOf(id))).isEqualTo(i == 3);
    }
    assertThat(server.send(As.reader("reporter-1"), "POST", "/api/v1/comments/" + id + "/report", report).error())
        .isEqualTo("ALREADY_REPORTED");
    assertThat(server.send(As.reader("reporter-9"), "POST", "/api/v1/comments/" + id + "/report",
        "{\"reason\":\"boring\"}").error()).isEqualTo("VALIDATION_FAILED");
    JsonNode detail = server.send(mod, "GET", S + "/comments/" + id, null).json();
    assertThat(detail.path("reports")).hasSize(3);
    server.send(mod, "POST", S + "/comments/" + id + "/approve", null);
    assertThat(queue("reported").path("items")).isEmpty();
  }

  @Test
  void freshClientIdsFromOneAddressCannotFillTheReportedQueueButAccountsCan() {
    long id = server.comment(As.reader("targeted"), "report-flood", "A perfectly civil remark about trams.").json()
        .path("comment").path("id").asLong();
    String report = "{\"reason\":\"abuse\"}";
    for (int i = 0; i < 30; i++) {
      assertThat(server.send(new As("X-Parley-Client", "flood-" + i, "X-Forwarded-For", "203.0.113.99"), "POST",
          "/api/v1/comments/" + id + "/report", report).status()).isEqualTo(201);
    }
    assertThat(queue("reported").path("items").findValuesAsText("id")).doesNotContain(String.valueOf(id));
    assertThat(server.send(mod, "GET", S + "/comments/" + id, null).json().path("reports")).hasSize(30);
    // signed-in readers count fully, even from that address
    for (int i = 0; i < 2; i++) {
      parley.testing.Staff.reader(server.app(), "reporter" + i + "@example.org");
      String[] h = server.login("reporter" + i + "@example.org", Staff.PASSWORD).headers();
      assertThat(server.send(new As(h[0], h[1], h[2], h[3], "X-Forwarded-For", "203.0.113.99"), "POST",
          "/api/v1/comments/" + id + "/report", report).status()).isEqualTo(201);
    }
    assertThat(queue("reported").path("items").findValuesAsText("id")).contains(String.valueOf(id));
    server.send(mod, "POST", S + "/comments/" + id + "/approve", null);
  }

  @Test
  void closedThreadsRefuseNewComments() {
    server.comment(As.reader("closer"), "closing", "First and last.");
    long thread = server.app().comments().thread("news", "closing", parley.comment.Sort.OLDEST, null, 1, null)
        .thread().id();
    assertThat(server.send(mod, "POST", S + "/threads/" + thread + "/close", "{\"closed\":true}").status())
        .isEqualTo(204);
    assertThat(server.comment(As.reader("late"), "closing", "Wait!").error()).isEqualTo("THREAD_CLOSED");
  }

  @Test
  void policyIsEditableThroughTheApi() {
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    Reply updated = server.send(admin, "PUT", S + "/policy", "{\"suspectWords\":[\"tram\"],\"maxLinks\":0}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().path("maxLinks").asInt()).isZero();
    assertThat(server.comment(As.reader("policy"), "policy", "I like the T R A M").json()
        .path("comment").path("state").asText()).isEqualTo("pending");
    assertThat(server.send(admin, "PUT", S + "/policy", "{\"mode\":\"SOMETIMES\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(admin, "PUT", S + "/policy", "{\"colour\":\"red\"}").error()).isEqualTo("VALIDATION_FAILED");
    server.send(admin, "PUT", S + "/policy", "{\"suspectWords\":[],\"maxLinks\":2}");
  }

  @Test
  void policyThresholdsKeepLowercaseCategoryKeysAndRefuseUnknownOnes() {
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    Reply before = server.send(admin, "GET", S + "/policy", null);
    Reply bad = server.send(admin, "PUT", S + "/policy",
        "{\"thresholds\":{\"sarcasm\":{\"hold\":0.5,\"reject\":0.9}}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.error()).isEqualTo("VALIDATION_FAILED");
    assertThat(bad.json().path("error").path("message").asText()).isEqualTo("Unknown category 'sarcasm'.");
    assertThat(server.send(admin, "GET", S + "/policy", null).json()).isEqualTo(before.json());
    // keys are read in any case and written back lowercase, in category order
    Reply set = server.send(admin, "PUT", S + "/policy",
        "{\"thresholds\":{\"SPAM\":{\"hold\":0.5,\"reject\":0.9},\"toxic\":{\"hold\":0.6,\"reject\":0.95}}}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(server.send(admin, "GET", S + "/policy", null).json().path("thresholds").toString())
        .isEqualTo("{\"toxic\":{\"hold\":0.6,\"reject\":0.95},\"spam\":{\"hold\":0.5,\"reject\":0.9}}");
    server.send(admin, "PUT", S + "/policy", "{\"thresholds\":" + before.json().path("thresholds") + "}");
  }
}
