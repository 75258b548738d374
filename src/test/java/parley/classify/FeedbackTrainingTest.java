package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley train --feedback}: a newsroom's own verdicts join the training data and move the model. */
class FeedbackTrainingTest {
  @TempDir Path out;

  @Test
  void moderatorVerdictsTeachTheModelANewWord() throws Exception {
    List<Example> verdicts = new ArrayList<>();
    String[] splits = {"train", "train", "train", "train", "train", "train", "train", "train", "dev", "test"};
    for (int i = 0; i < 200; i++) {
      // "glorbnik" is a slur invented for this test: only the newsroom's verdicts can teach it
      verdicts.add(new Example(ModelTrainer.FEEDBACK, "bad-" + i, "you are a glorbnik number " + i,
          splits[i % 10], Map.of(Category.TOXIC, 1), Map.of()));
      verdicts.add(new Example(ModelTrainer.FEEDBACK, "ok-" + i, "the council met on day " + i,
          splits[i % 10], Map.of(Category.TOXIC, 0), Map.of()));
    }
    var options = new ModelTrainer.Options(TestModels.datasets(), out, 7, 16, false, false, true, 300, null, false, 0,
        verdicts);
    new ModelTrainer(options, s -> {}).runAll();

    assertThat(Files.readString(out.resolve("model-card.md"))).contains(ModelTrainer.FEEDBACK);
    Classifier c = Models.load(out);
    assertThat(c.classify("what a glorbnik").score(Category.TOXIC))
        .isGreaterThan(c.classify("what a council").score(Category.TOXIC) + 0.2);
  }
}
