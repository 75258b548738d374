package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.train.Example;
import parley.classify.train.ModelTrainer;
import parley.classify.train.Split;

/** {@code parley train --feedback}: a newsroom's own verdicts join the training data and move the model. */
class FeedbackTrainingTest {
  @TempDir Path out;

  @Test
  void moderatorVerdictsTeachTheModelANewWord() throws Exception {
    var options = new ModelTrainer.Options(TestModels.datasets(), out, 7, 16, false, false, true, 300, null, false, 0,
        verdicts());
    new ModelTrainer(options, s -> {}).runAll();

    assertThat(Files.readString(out.resolve("model-card.md"))).contains(ModelTrainer.FEEDBACK);
    Classifier c = Models.load(out);
    assertThat(c.classify("what a glorbnik").score(Category.TOXIC))
        .isGreaterThan(c.classify("what a council").score(Category.TOXIC) + 0.2);
  }

  /** With the shipped transformer in the folder, the new fast stage is stacked with it and the lines re-chosen. */
  @Test
  void theShippedTransformerIsRestackedWithTheNewFastStage() throws Exception {
    try (var in = Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE)) {
      Files.copy(in, out.resolve(TransformerStage.FILE));
    }
    var options = new ModelTrainer.Options(TestModels.datasets(), out, 7, 16, false, false, true, 100, null, false, 0,
        verdicts());
    new ModelTrainer(options, s -> {}).runAll();

    assertThat(out.resolve(TransformerStage.STACK_FILE)).exists();
    assertThat(Files.readString(out.resolve("model.json"))).contains("\"accurateModel\" : \"transformer\"");
    assertThat(Files.readString(out.resolve("model-card.md"))).contains("fine-tuned");
    try (Classifier c = Models.load(out); Classifier shipped = Models.loadDefault()) {
      Classification bad = c.classify("such a glorbnik", Stage.ACCURATE);
      assertThat(bad.stage()).isEqualTo(Stage.ACCURATE);
      assertThat(bad.score(Category.TOXIC))
          .isGreaterThan(c.classify("such a council", Stage.ACCURATE).score(Category.TOXIC) + 0.2)
          // the transformer finds an unknown word in that frame a little suspect; the verdicts make it an insult
          .isGreaterThan(shipped.classify("such a glorbnik", Stage.ACCURATE).score(Category.TOXIC) + 0.1);
    }
  }

  private static List<Example> verdicts() {
    List<Example> verdicts = new ArrayList<>();
    Split[] splits = {Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TRAIN,
        Split.TRAIN, Split.DEV, Split.TEST};
    for (int i = 0; i < 200; i++) {
      // "glorbnik" is a slur invented for this test: only the newsroom's verdicts can teach it
      verdicts.add(new Example(ModelTrainer.FEEDBACK, "bad-" + i, "you are a glorbnik number " + i,
          splits[i % 10], Map.of(Category.TOXIC, 1), Map.of()));
      verdicts.add(new Example(ModelTrainer.FEEDBACK, "ok-" + i, "the council met on day " + i,
          splits[i % 10], Map.of(Category.TOXIC, 0), Map.of()));
    }
    return verdicts;
  }
}
