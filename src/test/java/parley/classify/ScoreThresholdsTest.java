package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.moderation.ScoreThresholds;

class ScoreThresholdsTest {
  private static Classification scores(double threat, double toxic, String lang, boolean supported) {
    Map<Category, Double> m = new EnumMap<>(Category.class);
    for (Category c : Category.values()) m.put(c, 0.01);
    m.put(Category.THREAT, threat);
    m.put(Category.TOXIC, toxic);
    return new Classification(m, lang, supported, List.of(), Stage.FAST);
  }

  private static final ScoreThresholds POLICY = new ScoreThresholds(Map.of(
      Category.THREAT, new ScoreThresholds.Limits(0.5, 0.9), Category.TOXIC, new ScoreThresholds.Limits(0.6, 0.95)));

  @Test
  void publishHoldReject() {
    assertThat(POLICY.decide("", scores(0.1, 0.1, "en", true)).verdict()).isEqualTo(ScoreThresholds.Verdict.PUBLISH);
    var hold = POLICY.decide("", scores(0.1, 0.7, "en", true));
    assertThat(hold.verdict()).isEqualTo(ScoreThresholds.Verdict.HOLD);
    assertThat(hold.reasons()).containsExactly("toxic 0.70 >= hold 0.60");
    var reject = POLICY.decide("", scores(0.91, 0.7, "en", true));
    assertThat(reject.verdict()).isEqualTo(ScoreThresholds.Verdict.REJECT);
    assertThat(reject.reasons()).first().isEqualTo("threat 0.91 >= reject 0.90");
  }

  @Test
  void spamWithoutALinkHoldsAndWithOneRejects() {
    Map<Category, Double> m = new EnumMap<>(Category.class);
    for (Category c : Category.values()) m.put(c, 0.01);
    m.put(Category.SPAM, 0.99);
    Classification spammy = new Classification(m, "en", true, List.of(), Stage.FAST);
    ScoreThresholds policy = new ScoreThresholds(Map.of(Category.SPAM, new ScoreThresholds.Limits(0.6, 0.9)));
    assertThat(policy.decide("I have subscribed to this paper for twenty years and this is its best piece.", spammy)
        .verdict()).isEqualTo(ScoreThresholds.Verdict.HOLD);
    assertThat(policy.decide("Earn $500 a day: www.easy-cash.biz", spammy).verdict())
        .isEqualTo(ScoreThresholds.Verdict.REJECT);
  }

  @Test
  void unsupportedLanguageIsHeldNeverRejected() {
    var d = POLICY.decide("", scores(0.99, 0.01, "de", false));
    assertThat(d.verdict()).isEqualTo(ScoreThresholds.Verdict.HOLD);
    assertThat(d.reasons()).first().isEqualTo("unsupported language de");
  }

  @Test
  void loadsPartialJsonOverDefaults(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, "{\"spam\": {\"hold\": 0.3, \"reject\": 0.99}}");
    ScoreThresholds t = ScoreThresholds.load(f);
    assertThat(t.limits().get(Category.SPAM)).isEqualTo(new ScoreThresholds.Limits(0.3, 0.99));
    assertThat(t.limits().get(Category.TOXIC)).isEqualTo(ScoreThresholds.defaults().limits().get(Category.TOXIC));
  }

  @Test
  void defaultsRejectOnlyOnHighConfidence() {
    ScoreThresholds.defaults().limits().values().forEach(l -> {
      assertThat(l.reject()).isGreaterThanOrEqualTo(0.9);
      if (l.hold() < 1.0) assertThat(l.hold()).isLessThan(l.reject()); // a line at 1 is off (obscene by default)
    });
    assertThat(ScoreThresholds.defaults().limits().get(Category.TOXIC).hold()).isLessThan(1.0);
  }
}
