package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.Category;
import parley.moderation.Policy.Threshold;

/** The default thresholds and the policy files {@code parley classify --site-policy} and {@code moderate --policy} read. */
class PolicyFileTest {
  @Test
  void thresholdsAloneOverrideTheDefaultsTheyName(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("policy.json"), "{\"spam\": {\"hold\": 0.3, \"reject\": 0.99}}");
    Policy p = PolicyFile.load(f);
    assertThat(p.thresholds().get(Category.SPAM)).isEqualTo(new Threshold(0.3, 0.99));
    assertThat(p.thresholds().get(Category.TOXIC)).isEqualTo(ScoreThresholds.defaults().get(Category.TOXIC));
    assertThat(p.mode()).isEqualTo(Policy.defaults().mode());
  }

  @Test
  void aSitePolicyCarriesWordListsAndModeIntoTheJudge(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("policy.json"),
        "{\"mode\": \"PRE_MODERATE_ALL\", \"bannedWords\": [\"nuke\"], \"thresholds\": {\"threat\": {\"hold\": 0.4}}}");
    Policy p = PolicyFile.load(f);
    assertThat(p.mode()).isEqualTo(Policy.Mode.PRE_MODERATE_ALL);
    assertThat(p.thresholds().get(Category.THREAT).hold()).isEqualTo(0.4);
    assertThat(p.thresholds().get(Category.THREAT).reject())
        .isEqualTo(ScoreThresholds.defaults().get(Category.THREAT).reject());
    Verdict v = phaseList(p).run(Submission.of("n u k e them"));
    assertThat(v.kind()).isEqualTo(Verdict.Kind.REJECT);
    assertThat(v.reasons()).extracting(Reason::rule).containsExactly("words.banned");
  }

  @Test
  void aPolicyThatCannotWorkIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\"toxic\": {\"hold\": 0.9, \"reject\": 0.5}}");
    assertThatThrownBy(() -> PolicyFile.load(f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json").hasMessageContaining("'toxic'");
    Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");
    assertThatThrownBy(() -> PolicyFile.load(list)).hasMessageContaining("expected a JSON object");
  }

  @Test
  void defaultsRejectOnlyOnHighConfidence() {
    assertThat(ScoreThresholds.defaults().keySet()).containsExactly(Category.values());
    ScoreThresholds.defaults().values().forEach(l -> {
      assertThat(l.reject()).isGreaterThanOrEqualTo(0.9);
      if (l.hold() < 1.0) assertThat(l.hold()).isLessThan(l.reject()); // a line at 1 is off (obscene by default)
    });
    assertThat(ScoreThresholds.defaults().get(Category.TOXIC).hold()).isLessThan(1.0);
  }

  private static Pipeline phaseList(Policy p) {
    return parley.moderation.phase.Phases.forPolicy(p);
  }
}
