package parley.web;

import parley.kit.Json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.TestServer;
import parley.testing.Reply;

/** Every public endpoint and its error paths, against a real server on a random port. */
class ApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(c -> c.withSite("news", List.of("https://news.example")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String comment(String page, Long parent, String body) {
    return """
        {"site":"news","page":"%s","url":"https://news.example/%s","title":"A story","parentId":%s,
         "author":"Ann","email":"ann@example.com","body":%s}"""
        .formatted(page, page, parent, Json.MAPPER.valueToTree(body));
  }

  static JsonNode post(String page, Long parent, String body, String client) {
    Reply r = server.postJson("/api/v1/comments", comment(page, parent, body), "X-Parley-Client", client);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void theDemoThreadIsSeededAsATree() {
    Reply r = server.get("/api/v1/threads?site=demo&page=demo-article");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("thread").path("commentCount").asInt()).isEqualTo(8);
    JsonNode first = r.json().path("comments").get(0);
    assertThat(first.path("replies").get(0).path("replies").get(0).path("replies")).hasSize(1);
    assertThat(first.has("email")).isFalse();
  }

  @Test
  void postingCreatesTheThreadAndReturnsAnEditToken() {
    JsonNode posted = post("fresh", null, "Hello *world*", "client-a");
    assertThat(posted.path("editToken").asText()).hasSizeGreaterThan(30);
    JsonNode c = posted.path("comment");
    assertThat(c.path("html").asText()).isEqualTo("<p>Hello <em>world</em></p>");
    assertThat(c.path("mine").asBoolean()).isTrue();
    assertThat(c.toString()).doesNotContain("ann@example.com");

    Reply thread = server.get("/api/v1/threads?site=news&page=fresh", "X-Parley-Client", "client-a");
    assertThat(thread.json().path("thread").path("url").asText()).isEqualTo("https://news.example/fresh");
    assertThat(thread.json().path("comments").get(0).path("mine").asBoolean()).isTrue();
    assertThat(thread.json().path("comments").get(0).path("body").asText()).isEqualTo("Hello *world*");
    JsonNode asStranger = server.get("/api/v1/threads?site=news&page=fresh", "X-Parley-Client", "b").json();
    assertThat(asStranger.path("comments").get(0).path("body").isNull()).isTrue();
    long threadId = thread.json().path("thread").path("id").asLong();
    Reply byId = server.get("/api/v1/threads/" + threadId);
    assertThat(byId.json().path("thread").path("commentCount").asInt()).isEqualTo(1);
  }

  @Test
  void aPageWithoutCommentsHasNoThreadYet() {
    Reply r = server.get("/api/v1/threads?site=news&page=nobody-here");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("thread").isNull()).isTrue();
    assertThat(r.json().path("comments")).isEmpty();
  }

  @Test
  void unknownThingsAre404WithStableCodes() {
    assertThat(server.get("/api/v1/threads?site=nope&page=x").error()).isEqualTo("SITE_NOT_FOUND");
    assertThat(server.get("/api/v1/threads/987654").error()).isEqualTo("THREAD_NOT_FOUND");
    assertThat(server.get("/api/v1/threads/abc").status()).isEqualTo(404);
    assertThat(server.get("/api/v1/no-such-endpoint").error()).isEqualTo("NOT_FOUND");
    Reply vote = server.postJson("/api/v1/comments/99999999/vote", "{\"value\":1}", "X-Parley-Client", "x");
    assertThat(vote.status()).isEqualTo(404);
    assertThat(vote.error()).isEqualTo("COMMENT_NOT_FOUND");
    assertThat(vote.json().path("error").path("message").asText()).isNotBlank();
    assertThat(vote.json().path("error").path("status").asInt()).isEqualTo(404);
  }

  @Test
  void badQueryParametersAreRefused() {
    assertThat(server.get("/api/v1/threads?site=demo&page=demo-article&sort=random").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.get("/api/v1/threads?site=demo&page=demo-article&limit=0").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/threads?site=demo&page=demo-article&limit=abc").status()).isEqualTo(400);
    assertThat(server.get("/api/v1/threads?site=demo&page=demo-article&cursor=%21%21").error())
        .isEqualTo("INVALID_CURSOR");
    assertThat(server.get("/api/v1/threads?site=demo").error()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void sortAndPaginationOverHttp() {
    for (int i = 0; i < 5; i++) post("paged", null, "comment " + i, null);
    Reply first = server.get("/api/v1/threads?site=news&page=paged&limit=2&sort=newest");
    assertThat(first.json().path("sort").asText()).isEqualTo("newest");
    assertThat(first.json().path("comments").get(0).path("html").asText()).contains("comment 4");
    String cursor = first.json().path("nextCursor").asText();
    Reply second = server.get("/api/v1/threads?site=news&page=paged&limit=2&sort=newest&cursor=" + cursor);
    assertThat(second.json().path("comments").get(0).path("html").asText()).contains("comment 2");
  }

  @Test
  void requestBodyErrors() {
    Reply empty = server.send("POST", "/api/v1/comments", "application/json", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.error()).isEqualTo("MALFORMED_JSON");

    Reply badJson = server.postJson("/api/v1/comments", "{\"site\": \"news\", \"body\": ");
    assertThat(badJson.error()).isEqualTo("MALFORMED_JSON");
    Reply notObject = server.postJson("/api/v1/comments", "[1,2]");
    assertThat(notObject.error()).isEqualTo("MALFORMED_JSON");
    Reply wrongField = server.postJson("/api/v1/comments", "{\"site\":\"news\",\"page\":\"p\",\"body\":42}");
    assertThat(wrongField.error()).isEqualTo("VALIDATION_FAILED");
    assertThat(wrongField.json().path("error").path("message").asText()).contains("body");

    Reply form = server.send("POST", "/api/v1/comments", "application/x-www-form-urlencoded",
        "site=news&page=p&body=hi".getBytes(StandardCharsets.UTF_8));
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.error()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

    Reply blank = server.postJson("/api/v1/comments", comment("p", null, "   \n  "));
    assertThat(blank.error()).isEqualTo("COMMENT_EMPTY");
    Reply tooLong = server.postJson("/api/v1/comments", comment("p", null, "x".repeat(10_001)));
    assertThat(tooLong.error()).isEqualTo("COMMENT_TOO_LONG");
    assertThat(tooLong.json().path("error").path("message").asText()).contains("10000");

    Reply huge = server.postJson("/api/v1/comments", comment("p", null, "y".repeat(1024 * 1024)));
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.error()).isEqualTo("REQUEST_TOO_LARGE");

    Reply badEmail = server.postJson("/api/v1/comments",
        "{\"site\":\"news\",\"page\":\"p\",\"body\":\"hi\",\"email\":\"not-an-email\"}");
    assertThat(badEmail.error()).isEqualTo("VALIDATION_FAILED");
    Reply noSite = server.postJson("/api/v1/comments", "{\"page\":\"p\",\"body\":\"hi\"}");
    assertThat(noSite.error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.get("/api/v1/threads?site=news&page=p").json().path("thread").isNull()).isTrue();
  }

  @Test
  void aParentFromAnotherThreadIsRefused() {
    long other = post("thread-one", null, "one", null).path("comment").path("id").asLong();
    Reply r = server.postJson("/api/v1/comments", comment("thread-two", other, "wrong place"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("PARENT_MISMATCH");
  }

  @Test
  void votingOncePerClient() {
    long id = post("votes", null, "vote", null).path("comment").path("id").asLong();
    Reply up = server.postJson("/api/v1/comments/" + id + "/vote", "{\"value\":1}", "X-Parley-Client", "v1");
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.json().path("score").asInt()).isEqualTo(1);
    Reply again = server.postJson("/api/v1/comments/" + id + "/vote", "{\"value\":-1}", "X-Parley-Client", "v1");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error()).isEqualTo("ALREADY_VOTED");
    assertThat(server.postJson("/api/v1/comments/" + id + "/vote", "{\"value\":5}", "X-Parley-Client", "v2").error())
        .isEqualTo("INVALID_VOTE");
    assertThat(server.postJson("/api/v1/comments/" + id + "/vote", "{\"value\":1}").error())
        .isEqualTo("CLIENT_ID_REQUIRED");
    Reply thread = server.get("/api/v1/threads?site=news&page=votes", "X-Parley-Client", "v1");
    assertThat(thread.json().path("comments").get(0).path("myVote").asInt()).isEqualTo(1);
  }

  @Test
  void editAndDeleteWithTheToken() {
    JsonNode posted = post("editing", null, "draft", "author");
    long id = posted.path("comment").path("id").asLong();
    String token = posted.path("editToken").asText();
    Reply wrong = server.send("PATCH", "/api/v1/comments/" + id, "application/json",
        "{\"body\":\"x\",\"editToken\":\"nope\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.error()).isEqualTo("EDIT_TOKEN_INVALID");
    Reply edited = server.send("PATCH", "/api/v1/comments/" + id, "application/json",
        ("{\"body\":\"final **text**\",\"editToken\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json().path("comment").path("html").asText()).isEqualTo("<p>final <strong>text</strong></p>");
    assertThat(edited.json().path("comment").path("editedAt").isNull()).isFalse();

    Reply deleted = server.send("DELETE", "/api/v1/comments/" + id, null, null, "X-Edit-Token", token);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().path("comment").path("state").asText()).isEqualTo("deleted");
    assertThat(server.get("/api/v1/threads?site=news&page=editing").json().path("comments")).isEmpty();
    Reply again = server.send("DELETE", "/api/v1/comments/" + id, null, null, "X-Edit-Token", token);
    assertThat(again.error()).isEqualTo("COMMENT_NOT_EDITABLE");
  }

  @Test
  void editingAfterTheWindowIsRefused() {
    try (TestServer strict = TestServer.start(c -> c.withEditWindow(Duration.ZERO))) {
      Reply r = strict.postJson("/api/v1/comments", "{\"site\":\"demo\",\"page\":\"w\",\"body\":\"quick\"}");
      long id = r.json().path("comment").path("id").asLong();
      String token = r.json().path("editToken").asText();
      Reply late = strict.send("PATCH", "/api/v1/comments/" + id, "application/json",
          ("{\"body\":\"changed\",\"editToken\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
      assertThat(late.status()).isEqualTo(403);
      assertThat(late.error()).isEqualTo("EDIT_WINDOW_CLOSED");
    }
  }

  @Test
  void aClosedThreadRefusesNewComments() {
    long threadId = post("closing", null, "last word", null).path("comment").path("id").asLong();
    long id = server.get("/api/v1/threads?site=news&page=closing").json().path("thread").path("id").asLong();
    server.app().comments(); // the thread store is closed through the moderation API later; here via SQL
    server.app().database().write(h -> h.createUpdate("UPDATE threads SET closed = TRUE WHERE id = :id")
        .bind("id", id).execute());
    Reply r = server.postJson("/api/v1/comments", comment("closing", threadId, "too late"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("THREAD_CLOSED");
  }

  @Test
  void countsForManyPages() {
    post("count-a", null, "1", null);
    post("count-a", null, "2", null);
    Reply r = server.get("/api/v1/counts?site=news&page=count-a&page=count-b");
    assertThat(r.json().path("counts").path("count-a").asInt()).isEqualTo(2);
    assertThat(r.json().path("counts").path("count-b").asInt()).isZero();
  }

  @Test
  void corsFollowsTheSitesAllowedOrigins() {
    Reply preflight = server.send("OPTIONS", "/api/v1/comments", null, null,
        "Origin", "https://news.example", "Access-Control-Request-Method", "POST");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("https://news.example");
    assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("X-Parley-Client");

    Reply stranger = server.send("OPTIONS", "/api/v1/comments", null, null, "Origin", "https://evil.example");
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    Reply allowedGet = server.get("/api/v1/threads?site=news&page=x", "Origin", "https://news.example");
    assertThat(allowedGet.status()).isEqualTo(200);
    // news.example may embed "news" but not "demo", which allows no foreign origin
    Reply otherSite = server.get("/api/v1/threads?site=demo&page=demo-article", "Origin", "https://news.example");
    assertThat(otherSite.error()).isEqualTo("ORIGIN_NOT_ALLOWED");
    Reply own = server.get("/api/v1/threads?site=demo&page=demo-article", "Origin", server.base());
    assertThat(own.status()).isEqualTo(200);
  }
}
