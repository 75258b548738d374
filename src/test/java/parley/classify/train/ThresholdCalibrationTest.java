package parley.classify.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import parley.classify.Category;
import parley.classify.Thresholds;
import org.junit.jupiter.api.Test;

/** The news operating point: 3 % of ordinary comments held, spent where it buys the most toxic comments held. */
class ThresholdCalibrationTest {
  private static final int TOXIC = Category.TOXIC.ordinal(), HATE = Category.HATE.ordinal();

  private static double[] row(int category, double score) {
    double[] s = new double[Category.values().length];
    s[category] = score;
    return s;
  }

  private static double[][] lines() {
    double[][] t = new double[Category.values().length][];
    for (int c = 0; c < t.length; c++) t[c] = new double[] {1.0, 1.0};
    t[TOXIC] = new double[] {0.5, 0.99};
    t[HATE] = new double[] {0.5, 0.99};
    return t;
  }

  @Test
  void raisesTheLineThatSeparatesBadlyOnlyAsFarAsTheBudgetNeeds() {
    // 100 ordinary comments: ten held by toxic and ten by hate, at 0.51 ... 0.60. The toxic news comments are held by
    // hate at 0.95 (hate separates them) and by toxic at 0.51 ... 0.60, exactly where ordinary ones are.
    List<double[]> ordinary = new ArrayList<>(), toxic = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ordinary.add(row(TOXIC, 0.5 + i / 100.0));
      ordinary.add(row(HATE, 0.5 + i / 100.0));
      toxic.add(row(TOXIC, 0.5 + i / 100.0));
      toxic.add(row(HATE, 0.95));
    }
    while (ordinary.size() < 100) ordinary.add(row(TOXIC, 0.1));
    double[][] t = lines();
    double held = ThresholdCalibration.capOrdinaryHolds(t, ordinary.toArray(double[][]::new),
        toxic.toArray(double[][]::new));

    assertThat(held).isLessThanOrEqualTo(ThresholdCalibration.MAX_ORDINARY_HELD);
    // hate frees its ten ordinary comments at no cost; toxic frees only the seven still needed
    assertThat(t[HATE][0]).isEqualTo(0.61);
    assertThat(t[TOXIC][0]).isEqualTo(0.58);
    int toxicHeld = 0;
    for (double[] s : toxic) if (Thresholds.reaches(s[TOXIC], t[TOXIC][0]) || Thresholds.reaches(s[HATE], t[HATE][0])) toxicHeld++;
    assertThat(toxicHeld).isEqualTo(13);
  }

  @Test
  void withoutToxicRowsEveryRaiseCostsTheSameAndTheBudgetStillHolds() {
    List<double[]> ordinary = new ArrayList<>();
    for (int i = 1; i <= 30; i++) ordinary.add(row(i % 2 == 0 ? TOXIC : HATE, 0.5 + i / 100.0));
    while (ordinary.size() < 100) ordinary.add(row(HATE, 0.2));
    double[][] t = lines();
    double held = ThresholdCalibration.capOrdinaryHolds(t, ordinary.toArray(double[][]::new), new double[0][]);
    assertThat(held).isLessThanOrEqualTo(0.03);
    assertThat(t[Category.OBSCENE.ordinal()][0]).isEqualTo(1.0); // a line that is off stays off
  }

  @Test
  void theSpamLineMeetsItsOwnCapAndIsNotRaisedToPayForAbuseHolds() {
    int spam = Category.SPAM.ordinal();
    List<double[]> ordinary = new ArrayList<>(), toxic = new ArrayList<>();
    for (int i = 1; i <= 4; i++) ordinary.add(row(TOXIC, 0.5 + i / 100.0)); // toxic holds 4 ordinary comments
    double[] spammy = row(spam, 0.6); // and spam holds one, within its own 1 % cap
    ordinary.add(spammy);
    while (ordinary.size() < 100) ordinary.add(row(TOXIC, 0.1));
    for (int i = 1; i <= 4; i++) toxic.add(row(TOXIC, 0.5 + i / 100.0));
    double[][] t = lines();
    t[spam] = new double[] {0.55, 0.9};
    double held = ThresholdCalibration.capOrdinaryHolds(t, ordinary.toArray(double[][]::new),
        toxic.toArray(double[][]::new));
    assertThat(held).isLessThanOrEqualTo(ThresholdCalibration.MAX_ORDINARY_HELD);
    assertThat(t[spam][0]).isEqualTo(0.55); // raising it would have cost no toxic comment, but it would let spam pass
    assertThat(t[TOXIC][0]).isEqualTo(0.53);
  }

  @Test
  void anUnspentBudgetLowersTheLineThatCatchesMostPerOrdinaryCommentAndStopsAtTheBudget() {
    int spam = Category.SPAM.ordinal();
    // lines start high (0.9): one ordinary comment held. Below them, toxic news comments sit at toxic 0.80 (five of
    // them, next to two ordinary ones) and at hate 0.70 (two of them, next to two ordinary ones at 0.70 and 0.60)
    List<double[]> ordinary = new ArrayList<>(), toxic = new ArrayList<>();
    ordinary.add(row(TOXIC, 0.95));
    ordinary.add(row(TOXIC, 0.80));
    ordinary.add(row(TOXIC, 0.80));
    ordinary.add(row(HATE, 0.70));
    ordinary.add(row(HATE, 0.60));
    ordinary.add(row(spam, 0.70));
    while (ordinary.size() < 100) ordinary.add(row(TOXIC, 0.1));
    for (int i = 0; i < 5; i++) toxic.add(row(TOXIC, 0.80));
    toxic.add(row(HATE, 0.70));
    toxic.add(row(HATE, 0.70));
    double[][] t = lines();
    t[TOXIC][0] = 0.9;
    t[HATE][0] = 0.9;
    t[spam] = new double[] {0.9, 0.95};
    double held = ThresholdCalibration.capOrdinaryHolds(t, ordinary.toArray(double[][]::new),
        toxic.toArray(double[][]::new));

    // toxic first (5 caught for 2 ordinary), then there is no room for hate's 2 for 1: 3 of 100 held, the budget
    assertThat(t[TOXIC][0]).isEqualTo(0.80);
    assertThat(t[HATE][0]).isEqualTo(0.9);
    assertThat(held).isEqualTo(0.03);
    assertThat(t[spam][0]).isEqualTo(0.9); // spam is never lowered to spend the abuse budget
    assertThat(t[Category.OBSCENE.ordinal()][0]).isEqualTo(1.0); // nor is a line that is off
  }

  @Test
  void threatsOfEverySplitCountAsWhatARaisedLineLetsThrough() {
    // the news sets carry no threat labels: without the threats of the other sets, raising the threat line cost nothing
    int threat = Category.THREAT.ordinal();
    Example ordinaryNews = example("civil_comments_ccc", java.util.Map.of(Category.TOXIC, 0));
    Example toxicNews = example("civil_comments_ccc", java.util.Map.of(Category.TOXIC, 1));
    Example aThreat = example("jigsaw_toxic_subset", java.util.Map.of(Category.TOXIC, 1, Category.THREAT, 1));
    Example anInsult = example("jigsaw_toxic_subset", java.util.Map.of(Category.TOXIC, 1, Category.THREAT, 0));
    var devBy = java.util.Map.of("civil_comments_ccc", List.of(ordinaryNews, toxicNews),
        "jigsaw_toxic_subset", List.of(aThreat, anInsult));
    var scores = java.util.Map.of("civil_comments_ccc", new double[][] {row(TOXIC, 0.1), row(TOXIC, 0.9)},
        "jigsaw_toxic_subset", new double[][] {row(threat, 0.7), row(TOXIC, 0.8)});

    double[][] kept = ThresholdCalibration.abuseToKeepHeld(devBy, scores);

    // the toxic news comment and the threat; neither the ordinary comment nor the insult rated not a threat
    assertThat(java.util.Arrays.stream(kept).map(s -> s[TOXIC] + s[threat]).toList())
        .containsExactlyInAnyOrder(0.9, 0.7);
    assertThat(ThresholdCalibration.ordinaryNews(devBy, scores)).hasDimensions(1, Category.values().length);
  }

  private static Example example(String dataset, java.util.Map<Category, Integer> labels) {
    return new Example(dataset, dataset + labels, "text", Split.DEV, labels, java.util.Map.of());
  }
}
