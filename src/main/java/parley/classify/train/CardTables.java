package parley.classify.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import parley.classify.Category;

/** The model card's tables, rendered from a {@link TrainingReport} as Markdown (no line break after the last row). */
final class CardTables {
  private CardTables() {}

  static String dataUsed(TrainingReport r) {
    List<List<String>> rows = new ArrayList<>();
    r.all().forEach((name, ex) -> {
      boolean used = r.sources().contains(name);
      long tr = used ? ex.stream().filter(e -> e.split() == Split.TRAIN && !e.labels().isEmpty()).count() : 0;
      StringBuilder pos = new StringBuilder();
      for (Category c : Category.values()) {
        long a = ex.stream().filter(e -> e.split() == Split.TRAIN && e.has(c)).count();
        if (a == 0) continue;
        long p = ex.stream().filter(e -> e.split() == Split.TRAIN && e.has(c) && e.label(c) == 1).count();
        pos.append(c.key()).append(' ').append(p).append('/').append(a).append(' ');
      }
      String use = name.equals(Corpus.AUGMENT) ? "Parley's own (hand-written)" : Corpus.SHIPPABLE.contains(name) ? "shippable" : "research/eval only";
      rows.add(List.of(name, use + (used ? "" : " — not trained on"), String.valueOf(tr), String.valueOf(r.devBy().get(name).size()),
          String.valueOf(r.testBy().get(name).size()), pos.toString().strip()));
    });
    return table(List.of("dataset", "licence use", "train rows used", "dev", "test", "train positives / annotated"), rows);
  }

  /** One row per measure, one column per stage; the rows are those the fast stage has. */
  static String byStage(TrainingReport r, Function<String, Map<String, Double>> figures) {
    List<String> stages = List.copyOf(r.testScores().keySet());
    List<List<String>> rows = new ArrayList<>();
    for (String measure : figures.apply("fast").keySet()) {
      List<String> row = new ArrayList<>(List.of(measure));
      for (String s : stages) row.add(f(figures.apply(s).getOrDefault(measure, Double.NaN)));
      rows.add(row);
    }
    return table(header("measure", stages), rows);
  }

  static String stagesCompared(SemanticReport semantic) {
    List<List<String>> rows = new ArrayList<>();
    semantic.devAuc().forEach((c, v) -> rows.add(List.of(c.key(), f(v[0]), f(v[1]), f(v[2]), f(v[2] - v[0]))));
    return table(List.of("category", "fast", "model alone", "combined (5-fold CV on dev)", "combined − fast"), rows);
  }

  /** Each dataset's test split, per category it labels, at the default hold thresholds. */
  static String perDataset(TrainingReport r, Map<String, double[][]> scores) {
    double[] hold = new double[Category.values().length];
    for (Category c : Category.values()) hold[c.ordinal()] = r.thresholds()[c.ordinal()][0];
    List<List<String>> rows = new ArrayList<>();
    for (Evaluation.Row row : Evaluation.table(r.testBy(), scores, hold)) {
      var l = Evaluation.labeled(r.testBy().get(row.dataset()), scores.get(row.dataset()), row.category());
      if (l.y().length == 0) continue;
      rows.add(List.of(row.dataset() + (r.sources().contains(row.dataset()) ? "" : " (not trained on)"), row.category().key(),
          String.valueOf(row.n()), String.valueOf(row.positives()), f(row.rocAuc()), f(row.prAuc()), f(row.f1()),
          f(Metrics.macroF1(l.s(), l.y(), hold[row.category().ordinal()])), f(row.ece())));
    }
    return table(List.of("dataset", "category", "n", "positives", "ROC-AUC", "PR-AUC", "F1 @ hold", "macro-F1 @ hold", "ECE"), rows);
  }

  /** Expected calibration error per category and stage over the training sources' pooled test splits. */
  static String calibration(TrainingReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (Category c : Category.values()) {
      List<String> row = new ArrayList<>(List.of(c.key()));
      for (Map<String, double[][]> scores : r.testScores().values()) {
        List<Double> ps = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (String name : r.sources()) {
          if (scores.get(name) == null) continue;
          var l = Evaluation.labeled(r.testBy().get(name), scores.get(name), c);
          for (int i = 0; i < l.y().length; i++) {
            ps.add(l.s()[i]);
            ys.add(l.y()[i]);
          }
        }
        row.add(f(Metrics.ece(ps.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToInt(Integer::intValue).toArray())));
      }
      rows.add(row);
    }
    return table(header("category", r.testScores().keySet()), rows);
  }

  static String thresholds(TrainingReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (Category c : Category.values()) rows.add(List.of(c.key(), f(r.thresholds()[c.ordinal()][0]), f(r.thresholds()[c.ordinal()][1])));
    return table(List.of("category", "hold", "reject"), rows);
  }

  /** @param fairness per identity {sentences, held by fast, held by accurate} */
  static String fairness(Map<String, double[]> fairness, boolean accurate) {
    List<List<String>> rows = new ArrayList<>();
    double n = 0, hf = 0, ha = 0;
    for (var e : fairness.entrySet()) {
      double[] v = e.getValue();
      n += v[0];
      hf += v[1];
      ha += v[2];
      rows.add(List.of(e.getKey(), String.valueOf((int) v[0]), f(v[1] / v[0]), accurate ? f(v[2] / v[0]) : "–"));
    }
    rows.add(List.of("**all**", String.valueOf((int) n), f(hf / n), accurate ? f(ha / n) : "–"));
    return table(List.of("identity", "sentences", "held (fast)", "held (accurate)"), rows);
  }

  /** @param functional per stage and functionality {checks, passed} */
  static String functional(Map<String, Map<String, int[]>> functional) {
    Map<String, int[]> firstStage = functional.values().iterator().next();
    List<List<String>> rows = new ArrayList<>();
    int total = 0;
    for (String fn : firstStage.keySet()) {
      List<String> row = new ArrayList<>(List.of(fn, String.valueOf(firstStage.get(fn)[0])));
      total += firstStage.get(fn)[0];
      for (Map<String, int[]> byFn : functional.values()) row.add(f((double) byFn.get(fn)[1] / byFn.get(fn)[0]));
      rows.add(row);
    }
    List<String> all = new ArrayList<>(List.of("**all**", String.valueOf(total)));
    for (Map<String, int[]> byFn : functional.values()) all.add(f(byFn.values().stream().mapToInt(v -> v[1]).sum() / (double) total));
    rows.add(all);
    List<String> header = new ArrayList<>(List.of("functionality", "checks"));
    header.addAll(functional.keySet());
    return table(header, rows);
  }

  static String f(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static List<String> header(String first, java.util.Collection<String> stages) {
    List<String> h = new ArrayList<>(List.of(first));
    h.addAll(stages);
    return h;
  }

  /** A Markdown table; an empty cell is a single space, as "| |". */
  private static String table(List<String> header, List<List<String>> rows) {
    StringBuilder md = new StringBuilder(row(header)).append('\n').append("|---".repeat(header.size())).append('|');
    for (List<String> r : rows) md.append('\n').append(row(r));
    return md.toString();
  }

  private static String row(List<String> cells) {
    StringBuilder md = new StringBuilder("|");
    for (String c : cells) md.append(c.isEmpty() ? " " : " " + c + " ").append('|');
    return md.toString();
  }
}
