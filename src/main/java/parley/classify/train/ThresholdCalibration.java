package parley.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import parley.classify.Category;
import parley.classify.Thresholds;

/**
 * Derives the default site policy from calibrated dev scores. The dev splits are far richer in abuse (40–80 % of
 * rows) than a news site's threads, so thresholds are chosen for an assumed deployment where {@link #DEPLOYED_PREVALENCE}
 * of comments carry the category (1–10 %): dev negatives are re-weighted to that prevalence before measuring precision and F1.
 * Hold: the F1-best threshold under that weighting, within [0.50, 0.95]. Reject: the lowest threshold from 0.90 up
 * whose weighted precision is at least 0.95 (0.99 if none).
 */
public final class ThresholdCalibration {
  /** Assumed share of a news site's comments carrying each category (toxic, hate, insult, threat, obscene, spam). */
  static final double[] DEPLOYED_PREVALENCE = {0.10, 0.03, 0.05, 0.01, 0.05, 0.03};

  private ThresholdCalibration() {}

  /** [category][0 = hold, 1 = reject]. */
  public static double[][] fromDev(List<Example> dev, double[][] scores) {
    double[][] out = new double[Category.values().length][];
    for (Category c : Category.values()) {
      List<Integer> rows = Balance.indices(dev, c);
      double[] s = new double[rows.size()];
      int[] y = new int[rows.size()];
      int pos = 0;
      for (int k = 0; k < s.length; k++) {
        s[k] = scores[rows.get(k)][c.ordinal()];
        y[k] = dev.get(rows.get(k)).label(c);
        pos += y[k];
      }
      int neg = s.length - pos;
      double negWeight = pos == 0 || neg == 0 ? 1 : (1 - DEPLOYED_PREVALENCE[c.ordinal()]) / DEPLOYED_PREVALENCE[c.ordinal()] * pos / neg;
      double hold = 0.5, bestF1 = -1;
      for (int k = 50; k <= 95; k++) {
        double[] tpFpFn = counts(s, y, k / 100.0, negWeight);
        double f1 = 2 * tpFpFn[0] / (2 * tpFpFn[0] + tpFpFn[1] + tpFpFn[2]);
        if (f1 > bestF1) {
          bestF1 = f1;
          hold = k / 100.0;
        }
      }
      double reject = 0.99;
      for (int k = 90; k <= 99; k++) {
        double[] c3 = counts(s, y, k / 100.0, negWeight);
        if (c3[0] + c3[1] > 0 && c3[0] / (c3[0] + c3[1]) >= 0.95) {
          reject = k / 100.0;
          break;
        }
      }
      out[c.ordinal()] = new double[] {hold, Math.max(reject, hold + 0.02)};
    }
    // profanity without a target ("holy shit, what a goal") is not what news moderators remove; aimed at someone it
    // scores as toxic or insult. Obscene is scored and shown, and holds only where a site sets its own line.
    out[Category.OBSCENE.ordinal()] = new double[] {1.0, 1.0};
    return out;
  }

  /** The operating point on ordinary news comments: at most this share held, for any reason. */
  static final double MAX_ORDINARY_HELD = 0.03;
  /** ... and at most this share held for spam. */
  static final double MAX_ORDINARY_SPAM_HELD = 0.01;
  private static final double HOLD_CEILING = 0.97;

  /**
   * Raises hold lines until ordinary news comments (dev rows the raters called not toxic) are held no more than
   * {@link #MAX_ORDINARY_HELD} overall and {@link #MAX_ORDINARY_SPAM_HELD} for spam: F1 on abuse-rich dev splits alone
   * picks lines that hold one ordinary reader in ten on a news site. Changes {@code t} in place; returns the held share
   * reached.
   *
   * <p>Each step raises the one line that frees the most ordinary comments per abusive comment it lets through
   * ({@code toxic}: {@link #abuseToKeepHeld}), to the nearest height that frees any: the 3 % budget goes to the
   * categories that separate news comments best, instead of to whichever holds the most ordinary ones (a group
   * mention lifts hate on ordinary comments, but hate is also what catches the toxic ones). Without toxic rows, every
   * raise costs the same. The spam line is set by its own cap only and never raised further to pay for abuse holds:
   * raising it frees ordinary comments at no cost in toxic ones, so it would always be chosen first, and real spam
   * would pass.
   */
  public static double capOrdinaryHolds(double[][] t, double[][] ordinary, double[][] toxic) {
    if (ordinary.length == 0) return Double.NaN;
    int spam = Category.SPAM.ordinal();
    while (heldShare(t, ordinary, spam) > MAX_ORDINARY_SPAM_HELD && t[spam][0] < HOLD_CEILING) raise(t, spam, 0.01);
    while (true) {
      int held = held(t, ordinary);
      if (held <= MAX_ORDINARY_HELD * ordinary.length) return spendOrdinaryBudget(t, ordinary, toxic);
      int toxicHeld = held(t, toxic), best = -1;
      double bestRatio = -1, bestStep = 0;
      for (int c = 0; c < t.length; c++) {
        if (c == spam) continue;
        double line = t[c][0], to = nearestChange(t, c, 1, HOLD_CEILING, ordinary);
        if (Double.isNaN(to)) continue;
        t[c][0] = to;
        double ratio = (held - held(t, ordinary)) / (toxicHeld - held(t, toxic) + 1.0);
        t[c][0] = line;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = c;
          bestStep = to - line;
        }
      }
      if (best < 0) return (double) held / ordinary.length;
      raise(t, best, bestStep);
    }
  }

  /** The lowest a hold line goes when the budget is spent: below it a category's score says little either way. */
  private static final double HOLD_FLOOR = 0.50;

  /**
   * Lowers hold lines while the ordinary comments held stay within {@link #MAX_ORDINARY_HELD}: the abuse-rich dev
   * splits' F1 lines can leave much of the budget unspent, and each ordinary comment it allows buys toxic news
   * comments held. Each step lowers the one line that holds the most more toxic news comments per ordinary comment
   * it adds (plus one, so that a free catch does not win on a single comment), to the nearest height that holds any
   * more; spam, and lines that are off (1.0), stay. Returns the held share reached.
   */
  static double spendOrdinaryBudget(double[][] t, double[][] ordinary, double[][] toxic) {
    int spam = Category.SPAM.ordinal();
    long budget = (long) Math.floor(MAX_ORDINARY_HELD * ordinary.length);
    while (true) {
      int held = held(t, ordinary), toxicHeld = held(t, toxic), best = -1;
      double bestRatio = 0, bestTo = 0;
      for (int c = 0; c < t.length; c++) {
        if (c == spam || t[c][0] >= 1.0) continue;
        double line = t[c][0], to = nearestChange(t, c, -1, HOLD_FLOOR, toxic);
        if (Double.isNaN(to)) continue;
        t[c][0] = to;
        int caught = held(t, toxic) - toxicHeld, added = held(t, ordinary) - held;
        t[c][0] = line;
        double ratio = caught / (added + 1.0);
        if (held + added <= budget && ratio > bestRatio) {
          bestRatio = ratio;
          best = c;
          bestTo = to;
        }
      }
      if (best < 0) return (double) held / ordinary.length;
      t[best][0] = bestTo;
    }
  }

  /**
   * The nearest hold line for category {@code c}, in 0.01 steps in {@code direction} (+1 up, -1 down) and not past
   * {@code limit}, at which a different number of {@code rows} is held; NaN if there is none. Leaves {@code t} as it was.
   */
  private static double nearestChange(double[][] t, int c, int direction, double limit, double[][] rows) {
    double line = t[c][0];
    int before = held(t, rows);
    try {
      for (int k = 1; direction * (limit - (line + direction * k * 0.01)) >= -1e-9; k++) {
        t[c][0] = Math.round((line + direction * k * 0.01) * 100) / 100.0;
        if (held(t, rows) != before) return t[c][0];
      }
      return Double.NaN;
    } finally {
      t[c][0] = line;
    }
  }

  private static int held(double[][] t, double[][] rows) {
    int held = 0;
    for (double[] s : rows) {
      for (int c = 0; c < t.length; c++) {
        if (Thresholds.reaches(s[c], t[c][0])) {
          held++;
          break;
        }
      }
    }
    return held;
  }

  private static void raise(double[][] t, int c, double step) {
    t[c][0] = Math.round((t[c][0] + step) * 100) / 100.0;
    t[c][1] = Math.max(t[c][1], Math.min(1.0, t[c][0] + 0.02));
  }

  private static double heldShare(double[][] t, double[][] rows, int c) {
    int n = 0;
    for (double[] s : rows) if (Thresholds.reaches(s[c], t[c][0])) n++;
    return (double) n / rows.length;
  }

  /**
   * Scores of the ordinary news comments in the dev splits, the rows {@link #capOrdinaryHolds} reads: rated not toxic.
   * A comment rated only for hate (fox_news_comments) and found not hateful is not counted as ordinary: many of those
   * are insults a newsroom holds too, and counting them spent the budget on lines that let toxic comments through.
   */
  public static double[][] ordinaryNews(java.util.Map<String, List<Example>> devBy, java.util.Map<String, double[][]> scores) {
    return rows(devBy, scores, Corpus.NEWS::contains, e -> e.has(Category.TOXIC) && e.label(Category.TOXIC) == 0)
        .toArray(double[][]::new);
  }

  /**
   * What a raised line would let through: the toxic or hateful news comments in the dev splits, and the threats of
   * every other dev split. The news sets carry no threat labels, so without those a raised threat line cost nothing and
   * was always the first one raised. (It did not keep session 24's threat line from rising: that rise came from the
   * ordinary dev comments a threat head held, and from F1.)
   */
  public static double[][] abuseToKeepHeld(java.util.Map<String, List<Example>> devBy,
      java.util.Map<String, double[][]> scores) {
    List<double[]> out = rows(devBy, scores, Corpus.NEWS::contains, e -> e.has(Category.TOXIC)
        ? e.label(Category.TOXIC) == 1 : e.has(Category.HATE) && e.label(Category.HATE) == 1);
    out.addAll(rows(devBy, scores, name -> !Corpus.NEWS.contains(name),
        e -> e.has(Category.THREAT) && e.label(Category.THREAT) == 1));
    return out.toArray(double[][]::new);
  }

  /** The scores of the wanted rows of the dev splits whose dataset is wanted, in dataset name order. */
  private static List<double[]> rows(java.util.Map<String, List<Example>> devBy, java.util.Map<String, double[][]> scores,
      java.util.function.Predicate<String> dataset, java.util.function.Predicate<Example> wanted) {
    List<double[]> out = new java.util.ArrayList<>();
    for (String name : new java.util.TreeSet<>(devBy.keySet())) {
      if (!dataset.test(name)) continue;
      List<Example> ex = devBy.get(name);
      double[][] s = scores.get(name);
      for (int i = 0; i < ex.size(); i++) if (wanted.test(ex.get(i))) out.add(s[i]);
    }
    return out;
  }

  /** {true positives, weighted false positives, false negatives} at threshold t. */
  static double[] counts(double[] s, int[] y, double t, double negWeight) {
    double tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < s.length; i++) {
      boolean p = s[i] >= t;
      if (p && y[i] == 1) tp++;
      else if (p) fp += negWeight;
      else if (y[i] == 1) fn++;
    }
    return new double[] {tp, fp, fn};
  }

  /** Writes the JSON that {@code parley.moderation.ScoreThresholds.defaults} and {@code PolicyFile.load} read. */
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
