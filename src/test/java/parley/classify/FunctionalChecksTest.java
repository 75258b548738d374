package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.moderation.ScoreThresholds;

/**
 * The shipped model on the hand-written functional checks, with the default site policy. The floors are the shipped
 * model's measured pass rates (model card) rounded down: a retrained model that does worse fails here.
 */
class FunctionalChecksTest {
  private static final ScoreThresholds POLICY = ScoreThresholds.defaults();

  @ParameterizedTest
  @EnumSource(Stage.class)
  void shippedModelHandlesMostChecksAsANewsroomWould(Stage stage) {
    Map<String, int[]> byFunctionality = FunctionalChecks.run(TestModels.shipped(), stage,
        c -> POLICY.decide("", c).verdict() != ScoreThresholds.Verdict.PUBLISH);
    int checks = byFunctionality.values().stream().mapToInt(v -> v[0]).sum();
    int passed = byFunctionality.values().stream().mapToInt(v -> v[1]).sum();
    assertThat(checks).isEqualTo(FunctionalChecks.items().size());
    assertThat(passed / (double) checks).isGreaterThanOrEqualTo(stage == Stage.FAST ? FAST_FLOOR : ACCURATE_FLOOR);
    double weakest = byFunctionality.values().stream().mapToDouble(v -> v[1] / (double) v[0]).min().orElseThrow();
    assertThat(weakest).as("weakest functionality").isGreaterThanOrEqualTo(stage == Stage.FAST ? FAST_WEAKEST : ACCURATE_WEAKEST);
  }

  private static final double FAST_FLOOR = 0.77; // measured 0.800 (68 of 85)
  private static final double ACCURATE_FLOOR = 0.80; // measured 0.824 (70 of 85)
  private static final double FAST_WEAKEST = 0.0;
  private static final double ACCURATE_WEAKEST = 0.0;

  @org.junit.jupiter.api.Test
  void checksCoverBothOutcomesInEveryFamily() {
    var items = FunctionalChecks.items();
    assertThat(items).anyMatch(FunctionalChecks.Item::shouldFlag).anyMatch(i -> !i.shouldFlag());
    assertThat(items).extracting(FunctionalChecks.Item::functionality)
        .contains("negation", "counter-speech", "threat-person", "spelling", "spam", "personal-not-spam");
  }
}
