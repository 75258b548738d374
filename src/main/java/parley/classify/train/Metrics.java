package parley.classify.train;

import java.util.Arrays;

/** Evaluation measures over (score, 0/1 label) pairs. Scores need not be calibrated except for {@link #ece}. */
public final class Metrics {
  private Metrics() {}

  /** ROC-AUC by the rank-sum formula, ties counted half. NaN when one class is absent. */
  public static double rocAuc(double[] s, int[] y) {
    Integer[] idx = order(s);
    long pos = Arrays.stream(y).filter(v -> v == 1).count();
    long neg = y.length - pos;
    if (pos == 0 || neg == 0) return Double.NaN;
    double rankSum = 0;
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && s[idx[j + 1]] == s[idx[i]]) j++;
      double avgRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) if (y[idx[k]] == 1) rankSum += avgRank;
      i = j + 1;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Average precision (area under the precision-recall curve, step-wise). */
  public static double prAuc(double[] s, int[] y) {
    Integer[] idx = order(s);
    int pos = (int) Arrays.stream(y).filter(v -> v == 1).count();
    if (pos == 0) return Double.NaN;
    double ap = 0;
    int tp = 0;
    for (int k = idx.length - 1, seen = 0; k >= 0; k--) {
      seen++;
      if (y[idx[k]] == 1) {
        tp++;
        ap += (double) tp / seen;
      }
    }
    return ap / pos;
  }

  /** F1 of the positive class when predicting score >= t. */
  public static double f1(double[] s, int[] y, double t) {
    int tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < s.length; i++) {
      boolean p = s[i] >= t;
      if (p && y[i] == 1) tp++;
      else if (p) fp++;
      else if (y[i] == 1) fn++;
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** Mean of the F1 of both classes (what OffensEval calls macro-F1). */
  public static double macroF1(double[] s, int[] y, double t) {
    double[] neg = new double[s.length];
    int[] yn = new int[y.length];
    for (int i = 0; i < s.length; i++) {
      neg[i] = -s[i];
      yn[i] = 1 - y[i];
    }
    return (f1(s, y, t) + f1(neg, yn, Math.nextUp(-t))) / 2;
  }

  /** The threshold (among 0.01..0.99) maximizing {@code f}. */
  public static double bestThreshold(double[] s, int[] y, boolean macro) {
    double best = 0.5, bestF = -1;
    for (int k = 1; k < 100; k++) {
      double t = k / 100.0;
      double f = macro ? macroF1(s, y, t) : f1(s, y, t);
      if (f > bestF) {
        bestF = f;
        best = t;
      }
    }
    return best;
  }

  /** Expected calibration error over 10 equal-width bins. */
  public static double ece(double[] p, int[] y) {
    double[] sumP = new double[10], sumY = new double[10];
    int[] n = new int[10];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(9, (int) (p[i] * 10));
      sumP[b] += p[i];
      sumY[b] += y[i];
      n[b]++;
    }
    double e = 0;
    for (int b = 0; b < 10; b++) if (n[b] > 0) e += Math.abs(sumP[b] - sumY[b]) / p.length;
    return e;
  }

  private static Integer[] order(double[] s) {
    Integer[] idx = new Integer[s.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(s[a], s[b]));
    return idx;
  }
}
