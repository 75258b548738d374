package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import parley.kit.ApiException;
import parley.moderation.Policy.Mode;
import parley.moderation.phase.ModePhase;
import parley.moderation.phase.TrustPhase;

/** The score, its explanation, and the two pipeline decisions it may drive. */
class TrustTest {
  static final TrustPolicy ON = new TrustPolicy(1, -3, -2, 10, -5, true, true, null);

  @Test
  void theScoreAddsWeightedEvidenceAndSaysWhatMadeIt() {
    Trust t = Trust.of(TrustPolicy.defaults(), new Trust.Counts(12, 1, 2));
    assertThat(t.score()).isEqualTo(12 - 3 - 4);
    assertThat(t.standing()).isEqualTo(Trust.Standing.NORMAL);
    assertThat(t.explain()).isEqualTo("+12 published (12), −3 rejected, −4 upheld reports (2)");
    assertThat(Trust.of(TrustPolicy.defaults(), new Trust.Counts(10, 0, 0)).standing()).isEqualTo(Trust.Standing.TRUSTED);
    assertThat(Trust.of(TrustPolicy.defaults(), new Trust.Counts(1, 2, 0)).standing()).isEqualTo(Trust.Standing.LOW);
  }

  @Test
  void evidenceWorthNothingIsLeftOutOfTheExplanation() {
    TrustPolicy noReports = new TrustPolicy(1, -3, 0, 10, -5, false, false, null);
    assertThat(Trust.of(noReports, new Trust.Counts(0, 1, 5)).explain()).isEqualTo("−3 rejected");
    assertThat(Trust.of(noReports, new Trust.Counts(0, 0, 0)).explain()).isEqualTo("no history");
  }

  @Test
  void lowTrustHoldsOnlyWhenTheSiteAsksAndOnlyWhenTheScoreIsKnown() {
    Submission s = Submission.of("A civil remark.");
    assertThat(new TrustPhase(ON).evaluate(s.withTrust(-5))).isInstanceOf(Outcome.Decide.class);
    assertThat(new TrustPhase(ON).evaluate(s.withTrust(-4))).isEqualTo(Outcome.PASS);
    assertThat(new TrustPhase(ON).evaluate(s)).isEqualTo(Outcome.PASS);
    assertThat(new TrustPhase(TrustPolicy.defaults()).evaluate(s.withTrust(-50))).isEqualTo(Outcome.PASS);
  }

  @Test
  void aTrustedAuthorSkipsPremoderationOnlyWhenTheSiteAsks() {
    Submission trusted = Submission.of("A civil remark.").withTrust(10);
    assertThat(new ModePhase(Mode.PRE_MODERATE_ALL, 2, ON).evaluate(trusted)).isInstanceOf(Outcome.Note.class);
    assertThat(new ModePhase(Mode.PRE_MODERATE_ALL, 2, ON).evaluate(trusted.withTrust(9)))
        .isInstanceOf(Outcome.Decide.class);
    assertThat(new ModePhase(Mode.PRE_MODERATE_ALL, 2, TrustPolicy.defaults()).evaluate(trusted))
        .isInstanceOf(Outcome.Decide.class);
    assertThat(new ModePhase(Mode.POST_MODERATE, 2, ON).evaluate(trusted)).isEqualTo(Outcome.PASS);
  }

  @Test
  void impossibleSettingsAreRefused() {
    assertThatThrownBy(() -> new TrustPolicy(1, 3, -2, 10, -5, false, false, null).validated())
        .isInstanceOf(ApiException.class).hasMessageContaining("rejectedWeight");
    assertThatThrownBy(() -> new TrustPolicy(1, -3, -2, 0, 0, false, false, null).validated())
        .isInstanceOf(ApiException.class).hasMessageContaining("lowAt");
    assertThat(Policy.defaults().trust()).isEqualTo(TrustPolicy.defaults());
  }
}
