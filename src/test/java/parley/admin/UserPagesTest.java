package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
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

/** The users list and the user page, through the API and the dashboard's HTML and forms; SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserPagesTest {
  @Parameter
  Dialect dialect;
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  ModerationServer server;
  As mod;
  long aliceFirst, aliceSecond, bobs;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, c -> c
        .withTrustedProxies(parley.web.TrustedProxies.parse("127.0.0.1, ::1")), new KeywordClassifier());
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.reader(server.app(), "reader@example.org");
    mod = server.login("mod@example.org", Staff.PASSWORD);
    bobs = post("bob", 41, "Bob", "bob@example.org", "I will kill this thread");
    aliceFirst = post("alice", 40, "Alice", "alice@example.org", "The library should open on Sundays.");
    aliceSecond = post("alice", 40, "Alice", "alice@example.org", "And the pool too.");
    server.send(mod, "POST", S + "/comments/" + bobs + "/reject", null);
    server.send(new As("X-Parley-Client", "reporter", "X-Forwarded-For", "198.51.100.42"), "POST",
        "/api/v1/comments/" + aliceSecond + "/report", "{\"reason\":\"off-topic\"}");
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  long post(String client, int address, String name, String email, String body) {
    return server.send(new As("X-Parley-Client", client, "X-Forwarded-For", "198.51.100." + address), "POST",
        "/api/v1/comments", "{\"site\":\"news\",\"page\":\"users\",\"author\":\"" + name + "\",\"email\":\"" + email
            + "\",\"body\":" + ModerationServer.quote(body) + "}").json().path("comment").path("id").asLong();
  }

  JsonNode users(String query) {
    return server.send(mod, "GET", S + "/users" + query, null).json().path("users");
  }

  String key(String name) {
    return StreamSupport.stream(users("").spliterator(), false).filter(u -> u.path("name").asText().equals(name))
        .findFirst().orElseThrow().path("key").asText();
  }

  Reply form(String path, Map<String, String> fields) {
    return server.form(mod, path, fields);
  }

  @Test
  void theUsersListIsSearchableMostRecentFirstAndFiltersBans() {
    assertThat(users("").findValuesAsText("name")).startsWith("Alice", "Bob");
    assertThat(users("?q=ALICE@").findValuesAsText("name")).containsExactly("Alice");
    assertThat(users("?q=bo").findValuesAsText("name")).containsExactly("Bob");
    assertThat(users("?q=%25").findValuesAsText("name")).contains("Alice", "Bob"); // a wildcard matches no more
    assertThat(users("?filter=sometimes").size()).isZero();
    assertThat(server.send(mod, "GET", S + "/users?filter=sometimes", null).error()).isEqualTo("VALIDATION_FAILED");
    JsonNode alice = users("?q=alice").get(0);
    assertThat(alice.path("comments").asInt()).isEqualTo(2);
    assertThat(alice.path("standing").asText()).isEqualTo("NONE");
  }

  @Test
  void theProfileHasCommentsWithReasonsReportsNotesHistoryAndTrust() {
    String bob = key("Bob");
    JsonNode p = server.send(mod, "GET", S + "/users/" + bob, null).json();
    assertThat(p.path("comments").get(0).path("state").asText()).isEqualTo("rejected");
    assertThat(p.path("history").findValuesAsText("action")).contains("reject");
    assertThat(p.path("trust").path("score").asInt()).isEqualTo(-3);
    assertThat(p.path("trust").path("explain").asText()).isEqualTo("−3 rejected");
    JsonNode alice = server.send(mod, "GET", S + "/users/" + key("Alice"), null).json();
    assertThat(alice.path("comments")).hasSize(2);
    assertThat(alice.path("reports").get(0).path("commentId").asLong()).isEqualTo(aliceSecond);
    assertThat(server.send(mod, "POST", S + "/users/" + key("Alice") + "/notes", "{\"body\":\"<b>kind</b>\"}").status())
        .isEqualTo(201);
    // the note follows her to the comment's notes, which the card reads
    assertThat(server.send(mod, "GET", S + "/comments/" + aliceFirst + "/notes", null).json().path("notes")
        .findValuesAsText("body")).contains("<b>kind</b>");
    assertThat(server.send(mod, "GET", S + "/users/client:nobody", null).error()).isEqualTo("AUTHOR_NOT_FOUND");
    assertThat(server.send(mod, "GET", S + "/users/email:abc", null).error()).isEqualTo("AUTHOR_NOT_FOUND");
    assertThat(server.send(mod, "POST", S + "/users/client:nobody/notes", "{\"body\":\"x\"}").error())
        .isEqualTo("AUTHOR_NOT_FOUND");
  }

  @Test
  void theDashboardPagesShowTheAuthorAndTheirFormsNoteAndSuspend() {
    String alice = key("Alice");
    String page = "/admin/news/users/" + URLEncoder.encode(alice, StandardCharsets.UTF_8);
    assertThat(server.send(mod, "GET", "/admin/news/queue/rejected", null).raw().body())
        .contains("href=\"/admin/news/users/" + URLEncoder.encode(key("Bob"), StandardCharsets.UTF_8) + "\"")
        .contains("<span class=\"trust\" title=\"−3 rejected\">trust -3</span>");
    assertThat(server.send(mod, "GET", "/admin/news/users?q=ali", null).raw().body())
        .contains("href=\"" + page + "\"").doesNotContain(">Bob<");
    Reply noted = form(page + "/notes", Map.of("body", "<script>alert(1)</script> warned"));
    assertThat(noted.status()).isEqualTo(302);
    Reply suspended = form(page + "/ban", Map.of("length", "7d", "reason", "cool off"));
    assertThat(suspended.status()).isEqualTo(302);
    String html = server.send(mod, "GET", page, null).raw().body();
    assertThat(html).contains("Trust: ").contains("published").contains("Suspended until").contains("cool off")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; warned").doesNotContain("<script>alert(1)")
        .contains("The library should open on Sundays.").contains("off-topic").contains("data-undo=");
    assertThat(users("?filter=suspended").findValuesAsText("name")).containsExactly("Alice");
    assertThat(users("?filter=banned").size()).isZero();
    Reply refused = server.send(new As("X-Parley-Client", "alice", "X-Forwarded-For", "198.51.100.40"), "POST",
        "/api/v1/comments", "{\"site\":\"news\",\"page\":\"users\",\"body\":\"Let me in\"}");
    assertThat(refused.error()).isEqualTo("AUTHOR_SUSPENDED");
    assertThat(form(page + "/ban", Map.of("length", "next tuesday", "reason", "")).status()).isEqualTo(400);
  }

  @Test
  void onlyTheSitesModeratorsSeeThePages() {
    String page = "/admin/news/users/" + URLEncoder.encode(key("Bob"), StandardCharsets.UTF_8);
    assertThat(server.send(As.ANONYMOUS, "GET", page, null).status()).isEqualTo(302);
    As reader = server.login("reader@example.org", Staff.PASSWORD);
    assertThat(server.send(reader, "GET", page, null).status()).isEqualTo(403);
    assertThat(server.send(reader, "GET", "/admin/news/users", null).status()).isEqualTo(403);
    assertThat(server.send(mod, "GET", "/admin/news/users/client%3Anobody", null).status()).isEqualTo(404);
  }
}
