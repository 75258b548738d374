package parley.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Derives the default site policy from calibrated dev scores. Hold: the F1-best threshold on pooled dev, kept within
 * [0.50, 0.85] because dev is far richer in abuse than a news site's threads. Reject: only where dev precision is at
 * least 0.95, and never below 0.90.
 */
public final class Thresholds {
  private Thresholds() {}

  /** [category][0 = hold, 1 = reject]. */
  public static double[][] fromDev(List<Example> dev, double[][] scores) {
    double[][] out = new double[Category.values().length][];
    for (Category c : Category.values()) {
      List<Integer> rows = Balance.indices(dev, c);
      double[] s = new double[rows.size()];
      int[] y = new int[rows.size()];
      for (int k = 0; k < s.length; k++) {
        s[k] = scores[rows.get(k)][c.ordinal()];
        y[k] = dev.get(rows.get(k)).label(c);
      }
      Evaluation.Labeled l = new Evaluation.Labeled(s, y);
      double hold = l.y().length == 0 ? 0.5 : Metrics.bestThreshold(l.s(), l.y(), false);
      hold = Math.min(0.85, Math.max(0.50, hold));
      double reject = 0.97;
      for (int k = 90; k <= 97; k++) {
        if (precision(l.s(), l.y(), k / 100.0) >= 0.95) {
          reject = k / 100.0;
          break;
        }
      }
      out[c.ordinal()] = new double[] {hold, reject};
    }
    return out;
  }

  static double precision(double[] s, int[] y, double t) {
    int tp = 0, fp = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] >= t) {
        if (y[i] == 1) tp++;
        else fp++;
      }
    }
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  /** Writes the JSON that {@code parley.moderation.ScoreThresholds.load} reads. */
  public static void write(Path file, double[][] t) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    for (Category c : Category.values()) {
      ObjectNode n = root.putObject(c.key());
      n.put("hold", t[c.ordinal()][0]);
      n.put("reject", t[c.ordinal()][1]);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }
}
