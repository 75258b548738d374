package parley.classify.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.Category;
import parley.classify.TransformerStage;

/** Past the cap, an adaptation fits on the newest verdicts only, and says so. */
class FeedbackAdapterLimitTest {
  @Test
  void pastTheCapTheNewestVerdictsAreUsed(@TempDir Path dir) throws Exception {
    for (String name : List.of("model.json", "fast.bin.gz", "spans.tsv", "thresholds.json", TransformerStage.STACK_FILE,
        TransformerStage.FILE)) {
      try (InputStream in = getClass().getResourceAsStream("/parley/model/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    List<Example> verdicts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      // the old verdicts say "toxic", the newest 12 say "fine": only the newest may count
      verdicts.add(new Example("x", "v" + i, "The council's budget vote number " + i + " was a joke.", Split.TRAIN,
          Map.of(Category.TOXIC, i < 18 ? 1 : 0), Map.of()));
    }
    List<String> log = new ArrayList<>();
    FeedbackAdapter.Result r = FeedbackAdapter.adapt(dir, verdicts, 12, log::add);
    assertThat(log).contains("feedback: 30 verdicts; fitting on the newest 12");
    FeedbackAdapter.CategoryFit toxic = r.categories().get(Category.TOXIC.ordinal());
    assertThat(toxic.verdicts()).isEqualTo(12);
    assertThat(toxic.positives()).isZero();
  }
}
