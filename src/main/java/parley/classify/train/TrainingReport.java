package parley.classify.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.FastModel;
import parley.classify.NgramClassifier;
import parley.classify.Stage;
import parley.classify.Thresholds;

/**
 * What a training run measured; {@link #modelCard} renders it as the model card. Built by {@link ModelTrainer} from the
 * fast stage's figures, then completed with the accurate stage's ({@link #withAccurate}) and the checks run on the
 * finished models ({@link #withChecks}).
 *
 * @param thresholds per category {hold, reject}: the default policy's, from the stage that scores by default
 * @param spanF1 mean character F1 of the toxic spans on toxic_spans' dev split (SemEval-2021 task 5); NaN if unmeasured
 * @param semantic the accurate stage's figures, or null when it was not trained or evaluated
 * @param notes extra lines (speed, size) the caller measured
 * @param functional functional checks per stage ("fast", "accurate") and functionality: {checks, passed}
 */
public record TrainingReport(ModelTrainer.Options options, List<String> sources, Map<String, List<Example>> all,
    Map<String, List<Example>> devBy, Map<String, List<Example>> testBy, FastModel fast, double[] chosenC,
    double[][] thresholds, Map<String, double[][]> fastDev, Map<String, double[][]> fastTest, double trainSeconds,
    double spanF1, SemanticReport semantic, List<String> notes, Map<String, Map<String, int[]>> functional) {

  /** The fast stage's report, before the accurate stage and the checks. */
  TrainingReport(ModelTrainer.Options options, List<String> sources, Map<String, List<Example>> all,
      Map<String, List<Example>> devBy, Map<String, List<Example>> testBy, FastModel fast, double[] chosenC,
      double[][] thresholds, Map<String, double[][]> fastDev, Map<String, double[][]> fastTest, double trainSeconds,
      double spanF1) {
    this(options, sources, all, devBy, testBy, fast, chosenC, thresholds, fastDev, fastTest, trainSeconds, spanF1, null,
        List.of(), Map.of());
  }

  /** With the accurate stage's figures and the thresholds that now apply (the accurate stage's, where it won). */
  TrainingReport withAccurate(SemanticReport semantic, double[][] thresholds) {
    return new TrainingReport(options, sources, all, devBy, testBy, fast, chosenC, thresholds, fastDev, fastTest,
        trainSeconds, spanF1, semantic, notes, functional);
  }

  /** With the toxic spans measured again (by the span branch and the word table together). */
  TrainingReport withSpanF1(double f1) {
    return new TrainingReport(options, sources, all, devBy, testBy, fast, chosenC, thresholds, fastDev, fastTest,
        trainSeconds, f1, semantic, notes, functional);
  }

  TrainingReport withChecks(List<String> notes, Map<String, Map<String, int[]>> functional) {
    return new TrainingReport(options, sources, all, devBy, testBy, fast, chosenC, thresholds, fastDev, fastTest,
        trainSeconds, spanF1, semantic, List.copyOf(notes), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functional)));
  }

  /** Stage name → test scores per dataset, in the order the card shows them. */
  Map<String, Map<String, double[][]>> testScores() {
    Map<String, Map<String, double[][]>> m = new LinkedHashMap<>();
    m.put("fast", fastTest);
    if (semantic != null) m.put("accurate", semantic.stackedTest());
    return m;
  }

  Map<String, Map<String, double[][]>> devScores() {
    Map<String, Map<String, double[][]>> m = new LinkedHashMap<>();
    m.put("fast", fastDev);
    if (semantic != null) m.put("accurate", semantic.stackedDev());
    return m;
  }

  /** True when the accurate stage was trained or evaluated (its figures are under "accurate"). */
  public boolean hasAccurate() {
    return semantic != null;
  }

  /** The quality-bar figures of the issue, per stage. Thresholds for F1 figures are picked on the dataset's dev split. */
  public Map<String, Double> benchmarks(String stage) {
    Map<String, double[][]> test = testScores().get(stage), dev = devScores().get(stage);
    Map<String, Double> b = new LinkedHashMap<>();
    if (test.containsKey("olid") && !testBy.get("olid").isEmpty()) {
      var d = Evaluation.labeled(devBy.get("olid"), dev.get("olid"), Category.TOXIC);
      var t = Evaluation.labeled(testBy.get("olid"), test.get("olid"), Category.TOXIC);
      b.put("OLID level A macro-F1 (target 0.80)", Metrics.macroF1(t.s(), t.y(), Metrics.bestThreshold(d.s(), d.y(), true)));
    }
    if (test.containsKey("hatexplain") && dev.containsKey("hatexplain")) {
      double[] th = Evaluation.hatexplainThresholds(devBy.get("hatexplain"), dev.get("hatexplain"));
      b.put("HateXplain 3-class macro-F1 (target 0.68)", Evaluation.hatexplainMacroF1(testBy.get("hatexplain"), test.get("hatexplain"), th[0], th[1]));
    }
    if (test.containsKey("davidson2017")) {
      var t = Evaluation.labeled(testBy.get("davidson2017"), test.get("davidson2017"), Category.HATE);
      b.put("Davidson hate-vs-rest ROC-AUC (target 0.95)", Metrics.rocAuc(t.s(), t.y()));
    }
    if (test.containsKey("jigsaw_toxic_subset")) {
      double sum = 0;
      List<Category> cats = List.of(Category.TOXIC, Category.HATE, Category.THREAT, Category.INSULT, Category.OBSCENE);
      for (Category c : cats) {
        var t = Evaluation.labeled(testBy.get("jigsaw_toxic_subset"), test.get("jigsaw_toxic_subset"), c);
        sum += Metrics.rocAuc(t.s(), t.y());
      }
      b.put("Jigsaw mean ROC-AUC, 5 categories (target 0.97)", sum / cats.size());
    }
    if (test.containsKey("youtube_spam")) {
      var d = Evaluation.labeled(devBy.get("youtube_spam"), dev.get("youtube_spam"), Category.SPAM);
      var t = Evaluation.labeled(testBy.get("youtube_spam"), test.get("youtube_spam"), Category.SPAM);
      b.put("YouTube spam F1 (target 0.95)", Metrics.f1(t.s(), t.y(), Metrics.bestThreshold(d.s(), d.y(), false)));
      b.put("YouTube spam F1 at the default hold threshold", Metrics.f1(t.s(), t.y(), thresholds[Category.SPAM.ordinal()][0]));
    }
    return b;
  }

  /**
   * The news-site operating point at the default thresholds, per stage: how many ordinary reader comments are held
   * (for any reason, and for spam) and how many abusive ones are caught, on the news sets' test splits (toxic_spans has
   * no test split: its dev split, all toxic).
   */
  public Map<String, Double> newsOperatingPoint(String stage) {
    Map<String, Double> b = new LinkedHashMap<>();
    Map<String, double[][]> test = testScores().get(stage), dev = devScores().get(stage);
    heldShares(b, "civil_comments_ccc test", testBy.get("civil_comments_ccc"), test.get("civil_comments_ccc"), Category.TOXIC);
    heldShares(b, "fox_news_comments test", testBy.get("fox_news_comments"), test.get("fox_news_comments"), Category.HATE);
    heldShares(b, "toxic_spans dev", devBy.get("toxic_spans"), dev == null ? null : dev.get("toxic_spans"), Category.TOXIC);
    return b;
  }

  private void heldShares(Map<String, Double> b, String name, List<Example> ex, double[][] s, Category label) {
    if (ex == null || s == null || ex.isEmpty()) return;
    int ordinary = 0, ordinaryHeld = 0, spamHeld = 0, abusive = 0, abusiveHeld = 0;
    for (int i = 0; i < ex.size(); i++) {
      if (!ex.get(i).has(label)) continue;
      boolean held = held(s[i]);
      if (ex.get(i).label(label) == 1) {
        abusive++;
        if (held) abusiveHeld++;
      } else {
        ordinary++;
        if (held) ordinaryHeld++;
        if (s[i][Category.SPAM.ordinal()] >= thresholds[Category.SPAM.ordinal()][0]) spamHeld++;
      }
    }
    String what = label == Category.HATE ? "hateful" : "toxic";
    if (ordinary > 0) {
      b.put(name + ": ordinary comments held (bar ≤ 5 %)", (double) ordinaryHeld / ordinary);
      b.put(name + ": ordinary comments held for spam (bar ≤ 1 %)", (double) spamHeld / ordinary);
    }
    if (abusive > 0) b.put(name + ": " + what + " comments held (bar ≥ 60 %)", (double) abusiveHeld / abusive);
  }

  private boolean held(double[] s) {
    for (Category cat : Category.values()) if (Thresholds.reaches(s[cat.ordinal()], thresholds[cat.ordinal()][0])) return true;
    return false;
  }

  /** Share of fairness sentences that the default thresholds would hold, per identity. */
  public Map<String, double[]> fairness(NgramClassifier fastClassifier, Classifier accurate) {
    Map<String, double[]> out = new TreeMap<>(); // identity -> {n, heldFast, heldAccurate}
    for (FairnessSet.Item item : FairnessSet.items()) {
      double[] r = out.computeIfAbsent(item.identity(), k -> new double[3]);
      r[0]++;
      if (held(fastClassifier.classify(item.text()))) r[1]++;
      if (accurate != null && held(accurate.classify(item.text(), Stage.ACCURATE))) r[2]++;
    }
    return out;
  }

  boolean held(Classification c) {
    if (!c.languageSupported()) return true;
    for (Category cat : Category.values()) if (Thresholds.reaches(c.score(cat), thresholds[cat.ordinal()][0])) return true;
    return false;
  }

  public String modelCard(Map<String, double[]> fairness) {
    return ModelCard.of(this, fairness).render();
  }
}
