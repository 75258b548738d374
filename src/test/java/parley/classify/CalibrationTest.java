package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void calibratedProbabilityRisesWithTheMargin() throws Exception {
    NgramClassifier fast = (NgramClassifier) ((ParleyClassifierAccess) () -> TestModels.shipped()).fast();
    FastModel m = fast.model();
    for (int c = 0; c < FastModel.CATEGORIES; c++) {
      double prev = -1;
      for (double margin = -10; margin <= 10; margin += 0.25) {
        double p = m.calibrate(c, margin);
        assertThat(p).isBetween(0.0, 1.0).isGreaterThan(prev);
        prev = p;
      }
    }
  }

  @Test
  void moreAbusiveWordingScoresHigher() {
    Classifier c = TestModels.shipped();
    double mild = c.classify("you are wrong", Stage.FAST).score(Category.INSULT);
    double harsh = c.classify("you are a stupid worthless idiot", Stage.FAST).score(Category.INSULT);
    assertThat(harsh).isGreaterThan(mild);
  }
}
