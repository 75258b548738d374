package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.ParleyConfig;
import parley.auth.Role;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.kit.Json;
import parley.mail.MailConfig;
import parley.store.Dialect;
import parley.testing.Eventually;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.testing.WebhookReceiver;

/**
 * The production default ({@link ParleyConfig#DEFAULT_DECIDE_WITHIN}): a new comment whose accurate score is late is
 * published on the fast stage's scores if they find nothing, and the accurate verdict follows; a comment the fast stage
 * doubts waits. The accurate stage here answers only when the test opens its gate, so nothing depends on timing. Both
 * databases; who is told (webhooks) is observed through a real receiver.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastFirstTest {
  @Parameter
  Dialect dialect;
  ModerationServer server;
  WebhookReceiver receiver;
  GatedClassifier classifier;
  As moderator;

  /** Fast stage: the keyword stand-in. Accurate stage: waits for the test, then scores what {@link #verdicts} say. */
  static final class GatedClassifier implements Classifier {
    final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    final Map<String, Category> verdicts = new ConcurrentHashMap<>();
    final KeywordClassifier fast = new KeywordClassifier();

    CountDownLatch gate(String text) {
      return gates.computeIfAbsent(text, t -> new CountDownLatch(1));
    }

    @Override
    public Stage defaultStage() {
      return Stage.ACCURATE;
    }

    @Override
    public Classification classify(String text, Stage stage) {
      return stage == Stage.FAST ? fast.classify(text) : classify(text);
    }

    @Override
    public Classification classify(String text) {
      try {
        if (!gate(text).await(30, TimeUnit.SECONDS)) throw new IllegalStateException("gate never opened: " + text);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      Map<Category, Double> scores = new EnumMap<>(Category.class);
      for (Category c : Category.values()) scores.put(c, 0.02);
      Category flagged = verdicts.get(text);
      if (flagged != null) scores.put(flagged, 0.85); // between the default hold and reject lines
      return new Classification(scores, "en", true, List.of(), Stage.ACCURATE);
    }
  }

  @BeforeParameterizedClassInvocation
  void start() throws Exception {
    receiver = new WebhookReceiver();
    classifier = new GatedClassifier(); // gates are per database: each run opens its own
    MailConfig outbox = MailConfig.defaults().withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50));
    server = ModerationServer.on(dialect,
        c -> c.withMail(outbox).withDecideWithin(ParleyConfig.DEFAULT_DECIDE_WITHIN), classifier);
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    moderator = admin;
    Reply hook = server.send(admin, "POST", "/api/v1/sites/news/webhooks", "{\"url\":\"" + receiver.url("/hook")
        + "\",\"format\":\"json\"}");
    assertThat(hook.status()).as(hook.raw().body()).isEqualTo(201);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    if (receiver != null) receiver.close();
  }

  private record Stored(String state, JsonNode scores, JsonNode moderation) {}

  private Stored stored(long id) {
    return server.app().database().read(h -> h.createQuery("SELECT state, scores, moderation FROM comments WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> {
          try {
            return new Stored(rs.getString("state"), Json.MAPPER.readTree(rs.getString("scores")),
                Json.MAPPER.readTree(rs.getString("moderation")));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).one());
  }

  private List<String> eventsFor(long id) {
    return receiver.to("/hook").stream().filter(c -> {
      try {
        return Json.MAPPER.readTree(c.body()).path("comment").path("id").asLong() == id;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).map(c -> c.header("Parley-Event")).toList();
  }

  /** What the live streams were told about the comment (readers hear "published" only). */
  private List<String> liveEvents(long id) {
    return server.app().database().read(h -> h.createQuery("SELECT kind FROM live_events WHERE comment_id = :id ORDER BY id")
        .bind("id", id).mapTo(String.class).list());
  }

  private List<Long> visibleTo(String reader, String page) {
    return server.thread(As.reader(reader), page).json().path("comments").findValues("id").stream()
        .map(JsonNode::asLong).toList();
  }

  @Test
  void aCleanCommentIsPublishedOnTheFastScoresAndAnnouncedOnceTheAccurateOnesAgree() {
    String body = "The new timetable suits the morning commute much better than the old one.";
    Reply posted = server.comment(As.reader("fast-1"), "timetable", body);
    assertThat(posted.status()).isEqualTo(201);
    assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("published");
    long id = posted.json().path("comment").path("id").asLong();
    Stored early = stored(id);
    assertThat(early.moderation().path("by").asText()).isEqualTo("provisional");
    assertThat(early.scores().path("stage").asText()).isEqualTo("fast");
    assertThat(visibleTo("someone", "timetable")).containsExactly(id);
    assertThat(liveEvents(id)).as("live readers are not told of a provisional publish").isEmpty();

    classifier.gate(body).countDown();
    Eventually.until("settled", () -> !stored(id).moderation().has("by"));
    Stored last = stored(id);
    assertThat(last.state()).isEqualTo("published");
    assertThat(last.scores().path("stage").asText()).isEqualTo("accurate");
    Eventually.until("announced", () -> !eventsFor(id).isEmpty());
    assertThat(eventsFor(id)).containsExactly("comment.published");
    assertThat(liveEvents(id)).containsExactly("published");
  }

  @Test
  void aCommentTheAccurateStageHoldsIsTakenBackAndNeverAnnouncedAsPublished() {
    String body = "Those people are so unruly that only an iron fist can rule them.";
    classifier.verdicts.put(body, Category.HATE);
    Reply posted = server.comment(As.reader("fast-2"), "unruly", body);
    assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("published");
    long id = posted.json().path("comment").path("id").asLong();
    assertThat(visibleTo("someone", "unruly")).containsExactly(id); // also fills the page cache

    classifier.gate(body).countDown();
    Eventually.until("held", () -> stored(id).state().equals("pending"));
    Stored last = stored(id);
    assertThat(last.moderation().path("verdict").asText()).isEqualTo("hold");
    assertThat(last.moderation().path("reasons").get(0).path("rule").asText()).isEqualTo("score.hate");
    assertThat(visibleTo("someone", "unruly")).as("the cached page went with the comment").isEmpty();
    assertThat(visibleTo("fast-2", "unruly")).as("its author still sees it, as pending").containsExactly(id);
    Eventually.until("announced", () -> !eventsFor(id).isEmpty());
    assertThat(eventsFor(id)).containsExactly("comment.held");
    assertThat(liveEvents(id)).as("moderators hear of it; readers never did").containsExactly("queued");
    String metrics = server.send(As.ANONYMOUS, "GET", "/metrics", null).raw().body();
    assertThat(metrics).containsPattern("(?m)^parley_comments_provisional_total [1-9]")
        .containsPattern("(?m)^parley_comments_settling 0\\.0$");
  }

  @Test
  void aCommentTheFastStageDoubtsWaitsForTheAccurateVerdict() throws Exception {
    String body = "What an idiot of a referee, honestly.";
    CompletableFuture<Reply> posting = CompletableFuture.supplyAsync(() -> server.comment(As.reader("fast-3"), "referee", body));
    Thread.sleep(300);
    assertThat(posting).as("the post waits while the accurate stage works").isNotDone();
    classifier.gate(body).countDown(); // the accurate stage finds nothing: the fast stage's doubt was wrong
    Reply posted = posting.get(30, TimeUnit.SECONDS);
    assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("published");
    Stored stored = stored(posted.json().path("comment").path("id").asLong());
    assertThat(stored.moderation().has("by")).isFalse();
    assertThat(stored.scores().path("stage").asText()).isEqualTo("accurate");
  }

  /** Decisions made so far (final ones: a provisional publish counts when its final decision comes). */
  private double decisions() {
    return server.send(As.ANONYMOUS, "GET", "/metrics", null).raw().body().lines()
        .filter(l -> l.startsWith("parley_comments_moderated_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void whatTheAuthorDidMeanwhileStands() throws Exception {
    String body = "I would like to see the council publish the full budget before the vote.";
    Reply posted = server.comment(As.reader("fast-4"), "budget", body);
    long id = posted.json().path("comment").path("id").asLong();
    double before = decisions();
    // the author withdraws it before the accurate stage answers
    Reply deleted = server.send(new As("X-Parley-Client", "fast-4", "X-Edit-Token",
        posted.json().path("editToken").asText()), "DELETE", "/api/v1/comments/" + id, null);
    assertThat(deleted.status()).as(deleted.raw().body()).isLessThan(300);
    classifier.gate(body).countDown();
    Eventually.until("the final decision", () -> decisions() > before);
    Thread.sleep(300); // settling follows the decision on the same thread: time enough to (wrongly) overwrite
    assertThat(stored(id).state()).isEqualTo("deleted");
    assertThat(stored(id).moderation().path("by").asText()).isEqualTo("provisional");
    assertThat(eventsFor(id)).isEmpty();
  }

  @Test
  void aCommentAStopLeftProvisionalIsDecidedAgain() {
    String body = "Send them all back where they came from, they are vermin.";
    classifier.verdicts.put(body, Category.HATE);
    classifier.gate(body).countDown();
    Reply posted = server.comment(As.reader("fast-5"), "vermin", body);
    long id = posted.json().path("comment").path("id").asLong();
    Eventually.until("held", () -> stored(id).state().equals("pending"));
    // as if the server had stopped between the provisional publish and the final decision
    String provisional = "{\"by\":\"provisional\",\"verdict\":\"publish\",\"reasons\":[],\"at\":1}";
    server.app().database().write(h -> h.createUpdate("UPDATE comments SET state = 'published', moderation = :m WHERE id = :id")
        .bind("m", provisional).bind("id", id).execute());
    assertThat(visibleTo("someone", "vermin")).containsExactly(id);

    assertThat(server.app().comments().settleLeftovers()).isEqualTo(1);
    assertThat(stored(id).state()).isEqualTo("pending");
    assertThat(stored(id).moderation().path("reasons").get(0).path("rule").asText()).isEqualTo("score.hate");
    assertThat(visibleTo("someone", "vermin")).isEmpty();
    assertThat(server.app().comments().settleLeftovers()).as("nothing left").isZero();
  }

  @Test
  void aModeratorsDecisionMadeMeanwhileStandsThroughTheFinalOneAndARestart() throws Exception {
    String body = "Every reader should read the audit report before tomorrow's council meeting.";
    Reply posted = server.comment(As.reader("fast-6"), "audit", body);
    long id = posted.json().path("comment").path("id").asLong();
    assertThat(server.send(moderator, "POST", "/api/v1/sites/news/comments/" + id + "/reject", null).status()).isEqualTo(200);
    double before = decisions();
    classifier.gate(body).countDown(); // the accurate stage would publish it
    Eventually.until("the final decision", () -> decisions() > before);
    Thread.sleep(300);
    assertThat(stored(id).state()).isEqualTo("rejected");
    assertThat(server.send(moderator, "POST", "/api/v1/sites/news/comments/" + id + "/approve", null).status()).isEqualTo(200);
    assertThat(server.app().comments().settleLeftovers()).as("the moderator's approval is not provisional").isZero();
    assertThat(stored(id).state()).isEqualTo("published");
  }
}
