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
}
