package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.moderation.Policy.Mode;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.kit.Json;

/** The policy applied to comments posted through the widget API, with reasons and scores stored; both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArrivalFlowTest {
  @Parameter
  Dialect dialect;
  ModerationServer server;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, new KeywordClassifier());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  private void policy(String site, Policy p) {
    server.app().moderation().updatePolicy(site, p);
  }

  private JsonNode stored(long id) throws Exception {
    var c = server.app().database().read(h -> h.createQuery("SELECT state, scores, moderation FROM comments WHERE id = :id")
        .bind("id", id).mapToMap().one());
    return Json.MAPPER.valueToTree(c);
  }

  @Test
  void threateningCommentIsHeldWithScoresAndShownOnlyToItsAuthor() throws Exception {
    Reply posted = server.comment(As.reader("author-1"), "threat", "I will kill you if you show up");
    assertThat(posted.status()).isEqualTo(201);
    assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("pending");
    long id = posted.json().path("comment").path("id").asLong();
    JsonNode row = stored(id);
    JsonNode reasons = Json.MAPPER.readTree(row.path("moderation").asText());
    assertThat(reasons.path("verdict").asText()).isEqualTo("hold");
    assertThat(reasons.path("reasons").get(0).path("rule").asText()).isEqualTo("score.threat");
    JsonNode scores = Json.MAPPER.readTree(row.path("scores").asText());
    assertThat(scores.path("scores").path("threat").asDouble()).isGreaterThan(0.8);
    assertThat(scores.path("spans").get(0).path("category").asText()).isEqualTo("threat");

    assertThat(server.thread(As.reader("author-1"), "threat").json().path("comments")).hasSize(1);
    assertThat(server.thread(As.reader("someone-else"), "threat").json().path("comments")).isEmpty();
  }

  /** An API client that sends no reader id still learns what happened to its own comment, and the text it sent. */
  @Test
  void aPosterWithoutReaderIdSeesItsHeldCommentAsHeld() throws Exception {
    Reply posted = server.comment(As.ANONYMOUS, "no-reader-id", "I will kill you if you show up");
    assertThat(posted.status()).isEqualTo(201);
    JsonNode comment = posted.json().path("comment");
    assertThat(comment.path("state").asText()).isEqualTo("pending");
    assertThat(comment.path("mine").asBoolean()).isTrue();
    assertThat(comment.path("body").asText()).isEqualTo("I will kill you if you show up");
    assertThat(comment.path("author").asText()).isNotEqualTo("[deleted]");
    // others, and the same anonymous client reading the thread later, do not see it
    assertThat(server.thread(As.ANONYMOUS, "no-reader-id").json().path("comments")).isEmpty();
  }

  @Test
  void civilCommentIsPublishedAndRecordsWhy() throws Exception {
    Reply posted = server.comment(As.reader("author-2"), "civil", "The tram will help my commute a lot.");
    assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("published");
    JsonNode reasons = Json.MAPPER.readTree(stored(posted.json().path("comment").path("id").asLong())
        .path("moderation").asText());
    assertThat(reasons.path("verdict").asText()).isEqualTo("publish");
  }

  @Test
  void bannedWordIsRejectedWhateverTheSpelling() throws Exception {
    policy("other", new Policy(Mode.POST_MODERATE, 2, Policy.defaults().thresholds(), List.of("nuke"), List.of(),
        2, true, 10, 100, 3, false));
    Reply r = server.send(As.reader("author-3"), "POST", "/api/v1/comments",
        "{\"site\":\"other\",\"page\":\"w\",\"body\":\"we should n.u.k.e them\"}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(stored(r.json().path("comment").path("id").asLong()).path("state").asText()).isEqualTo("rejected");
  }

  @Test
  void trustModeHoldsNewcomersUntilTheyHaveApprovedComments() {
    policy(ModerationServer.SITE, new Policy(Mode.PRE_MODERATE_NEW, 1, Policy.defaults().thresholds(), List.of(),
        List.of(), 2, true, 10, 100, 3, false));
    try {
      Reply first = server.comment(As.reader("newcomer"), "trust", "My first comment here, hello all.");
      assertThat(first.json().path("comment").path("state").asText()).isEqualTo("pending");
      long id = first.json().path("comment").path("id").asLong();
      server.app().database().write(h -> h.execute("UPDATE comments SET state = 'published' WHERE id = ?", id));
      Reply second = server.comment(As.reader("newcomer"), "trust", "And my second one, now trusted.");
      assertThat(second.json().path("comment").path("state").asText()).isEqualTo("published");
    } finally {
      policy(ModerationServer.SITE, Policy.defaults());
    }
  }

  @Test
  void postingTooFastAnswers429WithAClearMessage() {
    policy("other", new Policy(Mode.POST_MODERATE, 2, Policy.defaults().thresholds(), List.of(), List.of(),
        2, false, 2, 100, 3, false));
    As fast = As.reader("fast-typist");
    String body = "{\"site\":\"other\",\"page\":\"rate\",\"body\":\"again and again %d\"}";
    assertThat(server.send(fast, "POST", "/api/v1/comments", body.formatted(1)).status()).isEqualTo(201);
    assertThat(server.send(fast, "POST", "/api/v1/comments", body.formatted(2)).status()).isEqualTo(201);
    Reply third = server.send(fast, "POST", "/api/v1/comments", body.formatted(3));
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.error()).isEqualTo("RATE_LIMITED");
    assertThat(third.json().path("error").path("message").asText()).contains("wait").contains("second");
    assertThat(server.send(As.reader("someone-calm"), "POST", "/api/v1/comments", body.formatted(4)).status())
        .isEqualTo(201);
  }
}
