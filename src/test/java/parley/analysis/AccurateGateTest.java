package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;

/**
 * comments:analyze past the cores' capacity: a request that cannot start a transformer call within the wait is
 * answered by the fast stage, and says so (X-Parley-Stage), instead of queueing until the client gives up.
 */
class AccurateGateTest {
  @TempDir Path dir;

  /** A stand-in whose accurate stage blocks until released; the fast stage answers at once. */
  static final class GatedClassifier implements Classifier {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Classification classify(String text) {
      return classify(text, Stage.ACCURATE);
    }

    @Override
    public Classification classify(String text, Stage stage) {
      if (stage == Stage.ACCURATE) {
        entered.countDown();
        try {
          if (!release.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      double toxic = stage == Stage.ACCURATE ? 0.9 : 0.4;
      return new Classification(Map.of(Category.TOXIC, toxic), "en", true, List.of(), stage);
    }
  }

  private static AnalyzeRequest request(String text) {
    try {
      return AnalyzeRequest.parse(parley.kit.Json.MAPPER.readTree("{\"comment\":{\"text\":\"" + text + "\"},"
          + "\"requestedAttributes\":{\"TOXICITY\":{}},\"languages\":[\"en\"]}"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRequestThatFindsEveryCoreBusyPastTheWaitIsScoredByTheFastStage() throws Exception {
    GatedClassifier classifier = new GatedClassifier();
    try (Analyzer analyzer = new Analyzer(classifier, Stage.ACCURATE, new AccurateGate(1, Duration.ofMillis(100)))) {
      CompletableFuture<AnalyzeResponse> first = CompletableFuture.supplyAsync(() -> analyzer.analyze(request("one")));
      assertThat(classifier.entered.await(10, TimeUnit.SECONDS)).isTrue();

      AnalyzeResponse second = analyzer.analyze(request("two")); // the only slot is taken: waits 100 ms, then fast
      assertThat(second.scoredBy()).isEqualTo(Stage.FAST);
      assertThat(second.attributeScores().get("TOXICITY").summaryScore().value()).isEqualTo(0.4);

      classifier.release.countDown();
      AnalyzeResponse answered = first.get(10, TimeUnit.SECONDS);
      assertThat(answered.scoredBy()).isEqualTo(Stage.ACCURATE);
      assertThat(answered.attributeScores().get("TOXICITY").summaryScore().value()).isEqualTo(0.9);
      assertThat(analyzer.analyze(request("three")).scoredBy()).as("the slot was given back").isEqualTo(Stage.ACCURATE);
    }
  }

  @Test
  void theAnswerSaysWhichStageScoredIt() throws Exception {
    try (AnalysisServer server = new AnalysisServer(dir, App.Mode.ANALYSIS_ONLY, 1000)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.base() + "/comments:analyze?key=" + server.key))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":{\"text\":\"You are an idiot.\"},"
              + "\"requestedAttributes\":{\"TOXICITY\":{}}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-Parley-Stage")).hasValue("fast"); // AnalysisServer scores with fast
      assertThat(r.body()).doesNotContain("scoredBy");
    }
  }
}
