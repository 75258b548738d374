package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;

/** Coral Talk's two calls, byte for byte as its server/src/core/server/services/perspective/perspective.ts builds them. */
class CoralCompatibilityTest {
  @TempDir static Path dir;
  static AnalysisServer server;

  @BeforeAll
  static void start() {
    server = new AnalysisServer(dir, App.Mode.FULL, 50);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void analyzeAsCoralSendsItAndReadsIt() {
    // Coral: new URL(endpoint); pathname = path.join(pathname, "/comments:analyze"); searchParams key
    String url = server.base() + "/comments:analyze?key=" + server.key;
    var answer = server.postUrl(url, """
        {"comment":{"text":"You are an idiot and everyone knows it."},"doNotStore":true,\
        "requestedAttributes":{"TOXICITY":{}},"languages":["en"]}""");

    assertThat(answer.status()).isEqualTo(200);
    // Coral: result.data.attributeScores[model].summaryScore.value as number
    double score = answer.body().path("attributeScores").path("TOXICITY").path("summaryScore").path("value").asDouble(-1);
    assertThat(score).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    assertThat(answer.body().path("attributeScores").path("TOXICITY").path("summaryScore").path("type").asText())
        .isEqualTo("PROBABILITY");
    assertThat(answer.body().path("languages").get(0).asText()).isEqualTo("en");
  }

  @Test
  void aCleanCommentScoresLow() {
    var answer = server.post("analyze", """
        {"comment":{"text":"Thanks for the thoughtful article, I learned a lot about the city budget."},\
        "doNotStore":true,"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}""");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().at("/attributeScores/TOXICITY/summaryScore/value").asDouble()).isLessThan(0.5);
  }

  @Test
  void suggestScoreAsCoralSendsIt() {
    var answer = server.post("suggestscore", """
        {"comment":{"text":"You are an idiot."},\
        "context":{"entries":[{"text":"{\\"url\\":\\"https://news.example/story?commentID=c-42\\",\\"Coral_comment_id\\":\\"c-42\\"}"}]},\
        "attributeScores":{"TOXICITY":{"summaryScore":{"value":1}}},\
        "languages":["en"],"communityId":"Coral:https://news.example","clientToken":"comment:c-42"}""");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("clientToken").asText()).isEqualTo("comment:c-42");
    var rows = server.app.database().read(h -> h.createQuery(
            "SELECT community_id, client_token, text, attribute, value FROM analysis_feedback WHERE key_id = :k")
        .bind("k", server.apiKey.id()).mapToMap().list());
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst()).containsEntry("community_id", "Coral:https://news.example")
        .containsEntry("client_token", "comment:c-42").containsEntry("text", "You are an idiot.")
        .containsEntry("attribute", "TOXICITY");
    assertThat(((Number) rows.getFirst().get("value")).doubleValue()).isEqualTo(1.0);
  }
}
