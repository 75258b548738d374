package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.classify.Classifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/** The default policy with the shipped model: threats wait for a moderator, ordinary comments publish. */
class ShippedModelFlowTest {
  static ModerationServer server;

  @BeforeAll
  static void start() {
    Classifier model = ClassifierLoader.loadDefault();
    Assumptions.assumeTrue(model != null, "no trained model in this build (parley/model/ missing)");
    server = ModerationServer.start(c -> c, model);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  void aThreatIsHeldWithItsScoreAndAnOrdinaryCommentIsPublished() {
    Reply threat = server.comment(As.reader("model-1"), "model", "I know where you live and I will kill you.");
    assertThat(threat.json().path("comment").path("state").asText()).isIn("pending", "rejected");
    assertThat(server.thread(As.reader("model-1"), "model").json().path("comments").get(0).path("state").asText())
        .as("the author sees their own held or rejected comment").isIn("pending", "rejected");
    String why = server.app().database().read(h -> h.createQuery("SELECT moderation FROM comments WHERE id = :id")
        .bind("id", threat.json().path("comment").path("id").asLong()).mapTo(String.class).one());
    assertThat(why).contains("score.");
    Reply fine = server.comment(As.reader("model-2"), "model", "Thanks for the clear explanation of the tram budget.");
    assertThat(fine.json().path("comment").path("state").asText()).isEqualTo("published");
  }

  @Test
  void anInsultWrittenAsOneWordIsHeldAndKeptAsWritten() {
    // read as written alone, the shipped network publishes it; the accurate stage also reads it split (JoinedWords)
    String text = "Honestly, youareapatheticlittleworm and everyone here knows it.";
    Reply held = server.comment(As.reader("model-3"), "model", text);
    assertThat(held.json().path("comment").path("state").asText()).isIn("pending", "rejected");
    String stored = server.app().database().read(h -> h.createQuery("SELECT body_markdown FROM comments WHERE id = :id")
        .bind("id", held.json().path("comment").path("id").asLong()).mapTo(String.class).one());
    assertThat(stored).contains("youareapatheticlittleworm");
  }

  @Test
  void aDisguisedCommentIsHeldKeptAsWrittenAndExplainedInItsOwnCharacters() throws Exception {
    // read as written, the shipped network publishes it; the accurate stage reads it respelled (SpacedLetters, LeetWords)
    String text = "Honestly the M u s l i m s in this town are v e r m i n and a d1sease.";
    Reply held = server.comment(As.reader("model-4"), "model-disguised", text); // its own thread, whatever it decides
    assertThat(held.json().path("comment").path("state").asText()).isIn("pending", "rejected");
    long id = held.json().path("comment").path("id").asLong();
    var row = server.app().database().read(h -> h.createQuery("SELECT body_markdown, scores FROM comments WHERE id = :id")
        .bind("id", id).mapToMap().one());
    assertThat(row.get("body_markdown")).isEqualTo(text);
    var spans = parley.kit.Json.MAPPER.readTree(row.get("scores").toString()).path("spans");
    java.util.Set<String> marked = new java.util.HashSet<>();
    for (var span : spans) {
      int start = span.path("start").asInt(), end = span.path("end").asInt();
      assertThat(start).isBetween(0, end);
      assertThat(end).isLessThanOrEqualTo(text.length());
      marked.add(text.substring(start, end));
    }
    assertThat(marked).contains("M u s l i m s", "v e r m i n");
  }
}
