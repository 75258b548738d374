package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import parley.auth.Role;
import parley.testing.ModerationServer;
import parley.testing.NewsSiteFlow;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/**
 * Q&A mode (issue 16): an article's own switch or the site default; readers see which comments come from the site's
 * staff (and, on a Q&A article, which are the answers) and each signed-in author's chosen avatar colour. Both
 * databases.
 */
class QuestionsAndAnswersFlowTest extends NewsSiteFlow {
  @BeforeParameterizedClassInvocation
  void addTheScienceDesk() {
    server.staff("science.desk@example.org", Role.MODERATOR);
  }

  /** A widget session: the account signed in from the comment box, as a reader or as staff. */
  As widget(String email, String password) {
    Reply r = server.send(As.ANONYMOUS, "POST", "/api/v1/account/signin",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return new As("X-Parley-Session", r.json().path("token").asText(), "X-Parley-Client", "client-" + email);
  }

  long post(As as, String page, Long parentId, String body) {
    Reply r = server.send(as, "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"" + page
        + "\",\"author\":\"Typed\",\"parentId\":" + parentId + ",\"body\":" + ModerationServer.quote(body) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("comment").path("id").asLong();
  }

  JsonNode thread(String page) {
    return server.thread(As.ANONYMOUS, page).json();
  }

  long threadId(String page) {
    return thread(page).path("thread").path("id").asLong();
  }

  @Test
  void staffAnswersStandOutOnQuestionAndAnswerArticles() {
    String readerPassword = "a long reader password";
    assertThat(server.send(As.ANONYMOUS, "POST", "/api/v1/account/signup", "{\"email\":\"asker-" + dialect
        + "@example.org\",\"password\":\"" + readerPassword + "\",\"name\":\"Asker\"}").status()).isEqualTo(201);
    As reader = widget("asker-" + dialect + "@example.org", readerPassword);
    assertThat(server.send(reader, "PATCH", "/api/v1/account", "{\"hue\":42}").status()).isEqualTo(200);
    As desk = widget("science.desk@example.org", Staff.PASSWORD);

    long question = post(reader, "ask-the-desk", null, "Will the new tram line run on Sundays?");
    Reply answered = server.send(desk, "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"ask-the-desk\","
        + "\"parentId\":" + question + ",\"body\":\"Yes: every 12 minutes from 7 am, the city says.\"}");
    assertThat(answered.status()).as(answered.raw().body()).isEqualTo(201);
    assertThat(answered.json().path("comment").path("staff").asBoolean()).as("the author's own answer").isTrue();
    post(As.reader("anonymous-reader"), "ask-the-desk", question, "And on public holidays?");

    // not a Q&A article yet: staff comments are marked all the same, the thread is not in Q&A mode
    JsonNode before = thread("ask-the-desk");
    assertThat(before.path("thread").path("qa").asBoolean()).isFalse();
    JsonNode q = before.path("comments").get(0);
    assertThat(q.path("staff").asBoolean()).isFalse();
    assertThat(q.path("hue").asInt()).as("the asker's chosen colour").isEqualTo(42);
    JsonNode answer = q.path("replies").get(0);
    assertThat(answer.path("staff").asBoolean()).isTrue();
    assertThat(answer.path("hue").isNull()).isTrue();
    JsonNode anonymous = q.path("replies").get(1);
    assertThat(anonymous.path("staff").asBoolean()).isFalse();
    assertThat(anonymous.path("hue").isNull()).isTrue();

    // the article's own switch: readers see it at once (the cached page is replaced), the API says where it came from
    long id = threadId("ask-the-desk");
    Reply on = server.send(admin, "PUT", S + "/threads/" + id + "/settings", "{\"qa\":true}");
    assertThat(on.status()).as(on.raw().body()).isEqualTo(200);
    assertThat(on.json().path("qa").asBoolean()).isTrue();
    assertThat(on.json().path("effective").path("sources").path("qa").asText()).isEqualTo("article");
    JsonNode after = thread("ask-the-desk");
    assertThat(after.path("thread").path("qa").asBoolean()).isTrue();
    assertThat(after.path("comments").get(0).path("replies").get(0).path("staff").asBoolean()).isTrue();

    // the site default: another article inherits it; an article's own "off" leaves it to the default
    post(reader, "other-story", null, "A plain question on another story.");
    long other = threadId("other-story");
    assertThat(thread("other-story").path("thread").path("qa").asBoolean()).isFalse();
    assertThat(server.send(admin, "PUT", S + "/article-defaults", "{\"qa\":true}").status()).isEqualTo(200);
    assertThat(server.send(admin, "GET", S + "/article-defaults", null).json().path("qa").asBoolean()).isTrue();
    assertThat(thread("other-story").path("thread").path("qa").asBoolean()).isTrue();
    JsonNode inherited = server.send(admin, "GET", S + "/threads/" + other + "/settings", null).json();
    assertThat(inherited.path("qa").asBoolean()).isFalse();
    assertThat(inherited.path("effective").path("qa").asBoolean()).isTrue();
    assertThat(inherited.path("effective").path("sources").path("qa").asText()).isEqualTo("site");

    // audited, and a value that is not a boolean is refused with the stable code
    JsonNode entry = server.send(admin, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("article_defaults");
    assertThat(entry.path("after").path("qa").asBoolean()).isTrue();
    assertThat(server.send(admin, "PUT", S + "/threads/" + id + "/settings", "{\"qa\":\"yes\"}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(admin, "PUT", S + "/article-defaults", "{}").status()).isEqualTo(200);
    assertThat(thread("other-story").path("thread").path("qa").asBoolean()).isFalse();
  }
}
