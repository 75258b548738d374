package parley.classify.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.classify.Category;

/** Per-dataset, per-category test figures and the published-benchmark measures from the quality bar. */
public final class Evaluation {
  private Evaluation() {}

  /** Scores in {@link Category} order for each example. */
  public interface Scorer {
    double[][] score(List<Example> examples);
  }

  public record Row(String dataset, Category category, int n, int positives, double rocAuc, double prAuc, double f1,
      double ece) {}

  public static List<Row> table(Map<String, List<Example>> byDataset, Map<String, double[][]> scores, double[] hold) {
    List<Row> rows = new ArrayList<>();
    byDataset.forEach((name, ex) -> {
      double[][] s = scores.get(name);
      if (s == null) return; // a stage evaluated on some datasets only
      for (Category c : Category.values()) {
        Labeled l = labeled(ex, s, c);
        if (l.y.length == 0) continue;
        int pos = 0;
        for (int v : l.y) pos += v;
        rows.add(new Row(name, c, l.y.length, pos, Metrics.rocAuc(l.s, l.y), Metrics.prAuc(l.s, l.y),
            Metrics.f1(l.s, l.y, hold[c.ordinal()]), Metrics.ece(l.s, l.y)));
      }
    });
    return rows;
  }

  public record Labeled(double[] s, int[] y) {}

  public static Labeled labeled(List<Example> ex, double[][] scores, Category c) {
    int n = 0;
    for (Example e : ex) if (e.has(c)) n++;
    double[] s = new double[n];
    int[] y = new int[n];
    int k = 0;
    for (int i = 0; i < ex.size(); i++) {
      if (!ex.get(i).has(c)) continue;
      s[k] = scores[i][c.ordinal()];
      y[k++] = ex.get(i).label(c);
    }
    return new Labeled(s, y);
  }

  /**
   * HateXplain's 3 classes from two scores: hate if hate >= th, else offensive if toxic >= tt, else normal; macro-F1
   * over the three classes. Thresholds are picked on dev, then applied to test.
   */
  public static double[] hatexplainThresholds(List<Example> dev, double[][] s) {
    double best = -1, bh = 0.5, bt = 0.5;
    for (int a = 5; a < 100; a += 5) {
      for (int b = 5; b < 100; b += 5) {
        double f = hatexplainMacroF1(dev, s, a / 100.0, b / 100.0);
        if (f > best) {
          best = f;
          bh = a / 100.0;
          bt = b / 100.0;
        }
      }
    }
    return new double[] {bh, bt};
  }

  public static double hatexplainMacroF1(List<Example> ex, double[][] s, double th, double tt) {
    int[][] cm = new int[3][3]; // [truth][predicted] 0 normal, 1 offensive, 2 hate
    for (int i = 0; i < ex.size(); i++) {
      Map<String, Integer> r = ex.get(i).rawLabels();
      int truth = r.getOrDefault("hate", 0) == 1 ? 2 : r.getOrDefault("offensive", 0) == 1 ? 1 : 0;
      double[] p = s[i];
      int pred = p[Category.HATE.ordinal()] >= th ? 2 : p[Category.TOXIC.ordinal()] >= tt ? 1 : 0;
      cm[truth][pred]++;
    }
    double sum = 0;
    for (int k = 0; k < 3; k++) {
      int tp = cm[k][k], fp = 0, fn = 0;
      for (int j = 0; j < 3; j++) {
        if (j != k) {
          fp += cm[j][k];
          fn += cm[k][j];
        }
      }
      sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / 3;
  }
}
