package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.moderation.Verdict.Kind;

/** The committed model on clear-cut comments, judged by the live pipeline with the default site policy. */
class ShippedModelTest {
  private static Kind verdict(String text) {
    return TestModels.judge(text).kind();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Thanks for this thoughtful article.", "I disagree with the mayor's budget plan.",
      "What time does the match start?", "Great photos of the festival!", "lol", "The bomb went off in the market today.",
      "My gay neighbours invited us to their wedding.", "The bomb went off in the market."})
  void clean(String text) {
    assertThat(verdict(text)).isEqualTo(Kind.PUBLISH);
  }

  /** Misses of an earlier model that the retrained one holds: a veiled threat, "kys". */
  @ParameterizedTest
  @ValueSource(strings = {"I know where you live and I will find you", "kys"})
  void formerMissesAreHeld(String text) {
    assertThat(verdict(text)).isNotEqualTo(Kind.PUBLISH);
  }

  /**
   * Known misses of the shipped model (model card, "what it gets wrong"): kept visible rather than deleted. Enable
   * when a retrained model should get them right.
   */
  /** A known miss of the sentence-encoder model (toxic 0.73, hate 0.42): the fine-tuned transformer holds it. */
  @ParameterizedTest
  @ValueSource(strings = {"I hate women"})
  void identityHateWithoutSlurs(String text) {
    assertThat(verdict(text)).isNotEqualTo(Kind.PUBLISH);
  }

  @org.junit.jupiter.api.Disabled("known miss: immigration politics scores hate 0.99 (threat 0.35 now); negation "
      + "('not inferior') scores hate 0.81 with the fine-tuned transformer")
  @ParameterizedTest
  @ValueSource(strings = {"women are not inferior", "we should deport all immigrants"})
  void knownFalseHolds(String text) {
    assertThat(TestModels.shipped().classify(text).score(Category.THREAT)).isLessThan(0.5);
    assertThat(verdict(text)).isEqualTo(Kind.PUBLISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"you are a fucking idiot", "shut up you stupid bitch", "go to hell you worthless piece of shit"})
  void abusive(String text) {
    assertThat(verdict(text)).isNotEqualTo(Kind.PUBLISH);
    assertThat(TestModels.shipped().classify(text).score(Category.TOXIC)).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I will kill you", "kill them all", "I will murder your family", "bomb them"})
  void threatening(String text) {
    assertThat(verdict(text)).isNotEqualTo(Kind.PUBLISH);
    assertThat(TestModels.shipped().classify(text).score(Category.THREAT)).isGreaterThan(0.4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"check out my channel and subscribe!!", "Earn money from home, visit www.easy-cash-now.com",
      "please subscribe to my youtube channel for free giveaways"})
  void spam(String text) {
    assertThat(TestModels.shipped().classify(text).score(Category.SPAM)).isGreaterThan(0.5);
    assertThat(verdict(text)).isNotEqualTo(Kind.PUBLISH);
  }
}
