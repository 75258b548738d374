package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.train.ModelTrainer;
import parley.classify.train.TrainingReport;

/**
 * A small end-to-end run of {@code parley train} on a sample of the real data (a few thousand rows), or, in a clone
 * without {@code ../shared/datasets}, on Parley's own hand-written augmentation set alone.
 */
class TrainingSmokeTest {
  @TempDir Path out;

  @Test
  void trainsWritesLoadsAndIsDeterministic() throws Exception {
    var options = new ModelTrainer.Options(TestModels.datasets(), out, 7, 16, false, false, true, 400, null, false, 0);
    TrainingReport report = new ModelTrainer(options, s -> {}).runAll();
    assertThat(out.resolve("fast.bin.gz")).exists();
    assertThat(out.resolve("thresholds.json")).exists();
    String card = Files.readString(out.resolve("model-card.md"));
    assertThat(card).contains("## Data used", "ROC-AUC", "parley_augment");
    if (TestModels.haveDatasets()) {
      assertThat(card).contains("hatexplain");
      assertThat(report.benchmarks("fast")).containsKey("Davidson hate-vs-rest ROC-AUC (target 0.95)");
    }
    // even a tiny model separates the obvious
    Classifier c = Models.load(out);
    assertThat(c.classify("you stupid fucking idiot").score(Category.TOXIC))
        .isGreaterThan(c.classify("thank you for the lovely article").score(Category.TOXIC));

    Path again = out.resolve("again");
    new ModelTrainer(new ModelTrainer.Options(TestModels.datasets(), again, 7, 16, false, false, true, 400, null, false, 0), s -> {}).run();
    assertThat(Files.readAllBytes(again.resolve("fast.bin.gz"))).isEqualTo(Files.readAllBytes(out.resolve("fast.bin.gz")));
  }

  /**
   * A tiny sample leaves some category without a positive in dev (ROC-AUC undefined): training still finishes. (Without
   * ../shared the augmentation set is the only data, so it stays on.)
   */
  @Test
  void noDataAtAllIsAClearError() {
    var options = new ModelTrainer.Options(out.resolve("no-such-folder"), out.resolve("m"), 3, 14, false, false, false, 100,
        null, false, 0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModelTrainer(options, s -> {}).run())
        .hasMessageContaining("no training data");
  }

  @Test
  void aTinySampleWithoutAugmentationStillTrains() throws Exception {
    Path tiny = out.resolve("tiny");
    var options = new ModelTrainer.Options(TestModels.datasets(), tiny, 3, 14, false, false, TestModels.haveDatasets() ? false : true,
        100, null, false, 0);
    new ModelTrainer(options, s -> {}).run();
    assertThat(Models.load(tiny).classify("you are an idiot").scores()).hasSize(Category.values().length);
  }
}
