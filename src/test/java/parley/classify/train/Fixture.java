package parley.classify.train;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import parley.classify.Category;
import parley.classify.FastModel;

/** A small fixed training report (three datasets, random but seeded scores) for tests of what reports render. */
final class Fixture {
  private Fixture() {}

  static TrainingReport fastOnly() {
    Map<String, List<Example>> all = new LinkedHashMap<>();
    all.put("youtube_spam", examples("youtube_spam", Category.SPAM));
    all.put("civil_comments_ccc", examples("civil_comments_ccc", Category.TOXIC));
    all.put("olid", examples("olid", Category.TOXIC));
    Map<String, List<Example>> devBy = new LinkedHashMap<>(), testBy = new LinkedHashMap<>();
    all.forEach((name, ex) -> {
      devBy.put(name, ex.stream().filter(e -> e.split() == Split.DEV).toList());
      testBy.put(name, ex.stream().filter(e -> e.split() == Split.TEST).toList());
    });
    Random random = new Random(5);
    Map<String, double[][]> fastDev = scores(devBy, random, 1), fastTest = scores(testBy, random, 1);
    double[][] thresholds = new double[Category.values().length][];
    for (int c = 0; c < thresholds.length; c++) thresholds[c] = new double[] {0.5, 0.9};
    var options = new ModelTrainer.Options(Path.of("data"), Path.of("out"), 1, 10, false, true, true, 0, null, false, 0);
    return new TrainingReport(options, List.of("youtube_spam", "civil_comments_ccc"), all, devBy, testBy, new FastModel.Builder(10).build(),
        new double[] {1, 3, 10, 1, 3, 10}, thresholds, fastDev, fastTest, 42.3, Double.NaN);
  }

  static TrainingReport full() {
    TrainingReport f = fastOnly();
    TrainingReport r = new TrainingReport(f.options(), f.sources(), f.all(), f.devBy(), f.testBy(), f.fast(), f.chosenC(),
        f.thresholds(), f.fastDev(), f.fastTest(), f.trainSeconds(), 0.65);
    Random random = new Random(6);
    Map<Category, double[]> devAuc = new EnumMap<>(Category.class);
    for (Category c : Category.values()) devAuc.put(c, new double[] {0.9, 0.92, 0.95});
    var semantic = new SemanticReport("a test model", scores(r.testBy(), random, 2), scores(r.devBy(), random, 2),
        scores(r.testBy(), random, 2), devAuc, true, 12);
    Map<String, Map<String, int[]>> functional = new LinkedHashMap<>();
    functional.put("fast", checks(7, 5));
    functional.put("accurate", checks(8, 5));
    return r.withAccurate(semantic, r.thresholds())
        .withChecks(List.of("fast stage: 1,000 comments/s", "model folder size: 1.0 MB"), functional);
  }

  static Map<String, double[]> fairness() {
    Map<String, double[]> f = new LinkedHashMap<>();
    f.put("jews", new double[] {10, 2, 1});
    f.put("women", new double[] {8, 0, 0});
    return f;
  }

  private static Map<String, int[]> checks(int negation, int slurs) {
    Map<String, int[]> m = new LinkedHashMap<>();
    m.put("negation", new int[] {10, negation});
    m.put("slurs", new int[] {5, slurs});
    return m;
  }

  /** 60 rows: three fifths train, a fifth dev, a fifth test; every third row positive. */
  private static List<Example> examples(String dataset, Category label) {
    List<Example> out = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Split split = i % 5 < 3 ? Split.TRAIN : i % 5 == 3 ? Split.DEV : Split.TEST;
      Map<Category, Integer> labels = new EnumMap<>(Category.class);
      labels.put(label, i % 3 == 0 ? 1 : 0);
      if (label != Category.SPAM) labels.put(Category.SPAM, 0);
      out.add(new Example(dataset, dataset + i, "comment " + i, split, labels, Map.of()));
    }
    return out;
  }

  /** Scores that lean towards each row's labels, so that figures are neither 0 nor 1. */
  private static Map<String, double[][]> scores(Map<String, List<Example>> by, Random random, double strength) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    by.forEach((name, ex) -> {
      double[][] s = new double[ex.size()][Category.values().length];
      for (int i = 0; i < s.length; i++) {
        for (Category c : Category.values()) {
          double lean = ex.get(i).has(c) ? strength * (ex.get(i).label(c) - 0.5) : 0;
          s[i][c.ordinal()] = FastModel.sigmoid(lean * 2 + random.nextGaussian());
        }
      }
      out.put(name, s);
    });
    return out;
  }
}
