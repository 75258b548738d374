package parley.classify.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model card rendered from a fixed report: every section, with the figures the report holds. */
class ModelCardTest {
  @Test
  void fastOnlyCardHasTheFastSectionsAndNoAccurateOnes() throws Exception {
    String card = Fixture.fastOnly().modelCard(Fixture.fairness());
    dump("fast", card);
    assertThat(card).startsWith("# Parley moderation model: model card\n\n")
        .contains("Trained by `parley train --data data --seed 1` (shippable model: licence-clean sources only).")
        .contains("2^10 buckets", "(C by dev ROC-AUC: toxic=1.0 hate=3.0 insult=10.0 threat=1.0 obscene=3.0 spam=10.0 )")
        .contains("- Training time: 42 s (fast stage) on this machine.\n\n## Data used\n\n| dataset | licence use |")
        .contains("| youtube_spam | shippable | 36 | 12 | 12 | spam ", "| olid | research/eval only — not trained on | 0 | 12 | 12 |")
        .contains("## Quality bar (test splits)\n\n| measure | fast |\n|---|---|\n| OLID level A macro-F1 (target 0.80) | ")
        .contains("YouTube spam F1 at the default hold threshold", "at most 3 % of ordinary news comments", "at most 1 % for spam")
        .contains("| civil_comments_ccc test: ordinary comments held (bar ≤ 5 %) | ")
        .contains("## Per dataset and category, test split — fast stage\n\n| dataset | category | n |")
        .contains("| olid (not trained on) | toxic | 12 | ")
        .contains("## Calibration (expected calibration error", "| spam | 0.500 | 0.900 |")
        .contains("| jews | 10 | 0.200 | – |\n| women | 8 | 0.000 | – |\n| **all** | 18 | 0.111 | – |\n")
        .doesNotContain("Accurate stage", "Stages compared", "Toxic spans", "Functional checks", "Speed and size", "{{")
        .endsWith("probabilities on real traffic run high for borderline text.\n");
  }

  @Test
  void fullCardHasEveryOptionalSection() throws Exception {
    String card = Fixture.full().modelCard(Fixture.fairness());
    dump("full", card);
    assertThat(card)
        .contains("- Accurate stage: a test model; stacked with the fast stage by a per-category logistic regression on dev.\n"
            + "- Default stage: **accurate**.\n- Training time: 42 s")
        .contains("## Quality bar (test splits)\n\n| measure | fast | accurate |\n|---|---|---|\n")
        .contains("mean character F1 (SemEval-2021 task 5 measure; bar 0.65): **0.650** (`spans.tsv`")
        .contains("## Stages compared on dev (pooled dev of the training sources, ROC-AUC)\n\n| category | fast | model alone |",
            "| toxic | 0.900 | 0.920 | 0.950 | 0.050 |")
        .contains("test split — fast stage", "test split — accurate stage")
        .contains("| jews | 10 | 0.200 | 0.100 |", "| **all** | 18 | 0.111 | 0.056 |")
        .contains("| functionality | checks | fast | accurate |\n|---|---|---|---|\n| negation | 10 | 0.700 | 0.800 |\n"
            + "| slurs | 5 | 1.000 | 1.000 |\n| **all** | 15 | 0.800 | 0.867 |\n")
        .contains("## Speed and size\n\n- fast stage: 1,000 comments/s\n- model folder size: 1.0 MB\n\n## Known limits\n\n")
        .doesNotContain("{{");
  }

  private static void dump(String name, String card) throws java.io.IOException {
    String dir = System.getProperty("card.dump");
    if (dir != null) java.nio.file.Files.writeString(Path.of(dir, name + ".md"), card);
  }
}
