package parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Stage;
import parley.moderation.Outcome;
import parley.moderation.Policy;
import parley.moderation.Policy.Mode;
import parley.moderation.Policy.Threshold;
import parley.moderation.Reason;
import parley.moderation.Submission;
import parley.moderation.Verdict;

/** Each rule of the policy, alone and in the pipeline's order. */
class PhasesTest {
  private static Submission scored(String body, Category cat, double score) {
    return Submission.of(body).withClassification(
        new Classification(Map.of(cat, score), "en", true, List.of(), Stage.FAST));
  }

  private static String rule(Outcome o) {
    return switch (o) {
      case Outcome.Pass p -> "pass";
      case Outcome.Note n -> "note:" + n.reasons().getFirst().rule();
      case Outcome.Decide d -> d.verdict().key() + ":" + d.verdict().reasons().getFirst().rule();
    };
  }

  @Test
  void bannedWordsRejectAndSuspectWordsHold() {
    assertThat(rule(WordListPhase.banned(List.of("nuke")).evaluate(Submission.of("n u k e them"))))
        .isEqualTo("reject:words.banned");
    assertThat(rule(WordListPhase.suspect(List.of("nuke")).evaluate(Submission.of("NUKE"))))
        .isEqualTo("hold:words.suspect");
    assertThat(rule(WordListPhase.banned(List.of("nuke")).evaluate(Submission.of("nuclear power"))))
        .isEqualTo("pass");
  }

  @Test
  void aPremoderatedArticleHoldsEvenWhenTheSitePostModerates() {
    Policy post = Policy.defaults();
    assertThat(rule(new ThreadPhase().evaluate(Submission.of("Fine words").onPremoderatedThread())))
        .isEqualTo("hold:thread.premoderate");
    assertThat(rule(new ThreadPhase().evaluate(Submission.of("Fine words")))).isEqualTo("pass");
    assertThat(Phases.forPolicy(post).run(Submission.of("Fine words").onPremoderatedThread()).key()).isEqualTo("hold");
  }

  @Test
  void thresholdsHoldAtHAndRejectAtR() {
    ScorePhase phase = new ScorePhase(Map.of(Category.THREAT, new Threshold(0.6, 0.9)));
    assertThat(rule(phase.evaluate(scored("x", Category.THREAT, 0.59)))).isEqualTo("pass");
    assertThat(rule(phase.evaluate(scored("x", Category.THREAT, 0.60)))).isEqualTo("hold:score.threat");
    assertThat(rule(phase.evaluate(scored("x", Category.THREAT, 0.90)))).isEqualTo("reject:score.threat");
  }

  @Test
  void aLineAtOneIsOffEvenForAScoreOfOne() {
    ScorePhase phase = new ScorePhase(
        Map.of(Category.OBSCENE, new Threshold(1.0, 1.0), Category.TOXIC, new Threshold(0.7, 0.99)));
    assertThat(rule(phase.evaluate(scored("holy shit, what a goal", Category.OBSCENE, 1.0)))).isEqualTo("pass");
  }

  @Test
  void spamRejectsOnlyWithALinkAndOtherwiseHolds() {
    ScorePhase phase = new ScorePhase(Map.of(Category.SPAM, new Threshold(0.6, 0.9)));
    String longCivil = "The council's budget adds 4 % to the tram fares while the bus subsidy stays flat; "
        + "I have paid for a monthly pass for years and would rather see the money go to night services.";
    assertThat(rule(phase.evaluate(scored(longCivil, Category.SPAM, 0.99)))).isEqualTo("hold:score.spam");
    assertThat(rule(phase.evaluate(scored("Cheap pills at www.pills-now.biz", Category.SPAM, 0.99))))
        .isEqualTo("reject:score.spam");
    assertThat(rule(phase.evaluate(scored("Great offer https://x.example/win", Category.SPAM, 0.95))))
        .isEqualTo("reject:score.spam");
  }

  @Test
  void aFailedClassifierHoldsAndAMissingOneIsNoted() {
    ScorePhase phase = new ScorePhase(Policy.defaults().thresholds());
    Submission failed = new Submission("s", "hi", false, 0, List.of(), null, "timed out");
    assertThat(rule(phase.evaluate(failed))).isEqualTo("hold:classifier.failed");
    assertThat(rule(phase.evaluate(Submission.of("hi")))).isEqualTo("note:classifier.off");
  }

  @Test
  void anUnsupportedLanguageIsHeldNeverRejected() {
    ScorePhase phase = new ScorePhase(Map.of(Category.THREAT, new Threshold(0.6, 0.9)));
    Submission foreign = Submission.of("x").withClassification(
        new Classification(Map.of(Category.THREAT, 0.99), "fi", false, List.of(), Stage.FAST));
    assertThat(rule(phase.evaluate(foreign))).isEqualTo("hold:classifier.language");
  }

  @Test
  void tooManyLinksHold() {
    LinkPhase phase = new LinkPhase(2);
    assertThat(rule(phase.evaluate(Submission.of("see https://a.example and www.b.example")))).isEqualTo("pass");
    assertThat(rule(phase.evaluate(Submission.of("https://a.example https://b.example cheap-pills.com"))))
        .isEqualTo("hold:links");
  }

  @Test
  void exactAndNearDuplicatesOfRecentCommentsHold() {
    DuplicatePhase phase = new DuplicatePhase();
    String earlier = "Buy the best watches at our shop today, great prices for everyone";
    Submission exact = Submission.of("BUY the best watches at our shop today, great prices for everyone!")
        .withHistory(0, List.of(earlier));
    Submission near = Submission.of("Buy the best watches at our shop today, great prices for everyone here")
        .withHistory(0, List.of(earlier));
    Submission different = Submission.of("I disagree with the council about the tram timetable entirely")
        .withHistory(0, List.of(earlier));
    Submission shortRepeat = Submission.of("Thanks!").withHistory(0, List.of("thanks"));
    assertThat(rule(phase.evaluate(exact))).isEqualTo("hold:duplicate");
    assertThat(rule(phase.evaluate(near))).isEqualTo("hold:duplicate");
    assertThat(rule(phase.evaluate(different))).isEqualTo("pass");
    assertThat(rule(phase.evaluate(shortRepeat))).isEqualTo("pass");
  }

  @Test
  void modesPreModerateEveryoneOrNewcomersOnly() {
    assertThat(rule(new ModePhase(Mode.POST_MODERATE, 2).evaluate(Submission.of("hi")))).isEqualTo("pass");
    assertThat(rule(new ModePhase(Mode.PRE_MODERATE_ALL, 2).evaluate(Submission.of("hi").withHistory(50, List.of()))))
        .isEqualTo("hold:mode.premoderate");
    ModePhase trust = new ModePhase(Mode.PRE_MODERATE_NEW, 2);
    assertThat(rule(trust.evaluate(Submission.of("hi").withHistory(1, List.of())))).isEqualTo("hold:mode.trust");
    assertThat(rule(trust.evaluate(Submission.of("hi").withHistory(2, List.of())))).isEqualTo("pass");
  }

  @Test
  void pipelineRejectsBeforeItHoldsAndKeepsNotes() {
    Policy policy = new Policy(Mode.PRE_MODERATE_ALL, 2, Policy.defaults().thresholds(), List.of("nuke"),
        List.of("bomb"), 2, true, 5, 20, 3, false);
    Verdict v = Phases.forPolicy(policy).run(Submission.of("bomb and nuke"));
    assertThat(v).isInstanceOf(Verdict.Reject.class);
    assertThat(v.reasons()).extracting(Reason::rule).containsExactly("words.banned");
    Verdict held = Phases.forPolicy(policy).run(Submission.of("a fine comment"));
    assertThat(held).isInstanceOf(Verdict.Hold.class);
    Verdict published = Phases.forPolicy(Policy.defaults()).run(scored("lovely", Category.TOXIC, 0.1));
    assertThat(published).isInstanceOf(Verdict.Publish.class);
  }
}
