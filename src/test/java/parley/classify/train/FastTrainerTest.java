package parley.classify.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.classify.FastModel;

/** The fast stage's training: Platt scaling (the shipped model's calibration is checked in CalibrationTest). */
class FastTrainerTest {
  @Test
  void plattScalingIsFittedByLiblinear() {
    double[] margin = new double[400];
    int[] y = new int[400];
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < margin.length; i++) {
      margin[i] = r.nextGaussian() * 3;
      y[i] = r.nextDouble() < FastModel.sigmoid(2 * margin[i] - 1) ? 1 : 0;
    }
    double[] ab = FastTrainer.platt(margin, y, 1);
    assertThat(ab[0]).isBetween(1.4, 2.8);
    assertThat(ab[1]).isBetween(-1.6, -0.4);
  }
}
