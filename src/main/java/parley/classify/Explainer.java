package parley.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the fast stage's feature contributions (weight × value) into word-level spans of the original text: each
 * n-gram's contribution is spread evenly over the normalized characters it covers (a difference array keeps that
 * O(1) per n-gram), summed per word, and words that pushed the score up are mapped back through the normalizer's
 * offset map. Spaced or leet-written words ("k i l l") come back as one span over the original characters.
 */
final class Explainer {
  /** A word must carry at least this share of the largest word contribution to be reported. */
  private static final double MIN_SHARE = 0.25;
  private static final int MAX_SPANS_PER_CATEGORY = 5;
  private static final Comparator<Span> BY_WEIGHT = Comparator.comparingDouble(Span::weight).reversed();

  private Explainer() {}

  static List<Span> spans(FastModel model, TextNormalizer.Normalized t, Ngrams grams, List<Category> categories) {
    List<Span> out = new ArrayList<>();
    if (categories.isEmpty() || t.length() == 0) return out;
    int len = t.length();
    int cats = categories.size();
    int[] ord = new int[cats];
    for (int k = 0; k < cats; k++) ord[k] = categories.get(k).ordinal();
    float cs = (float) Featurizer.charScale(grams.counts), ws = (float) Featurizer.wordScale(grams.counts);
    int chars = grams.charCount();
    int row = len + 1;
    char[] text = t.chars();
    float[] diff = new float[cats * row];
    float[] w = model.weights;
    for (int g = 0; g < grams.size; g++) {
      int from = grams.from[g], to = grams.to[g];
      if (to <= from) continue;
      float scale = (g < chars ? cs : ws) / (to - from);
      int base = grams.bucket[g] * FastModel.STRIDE;
      for (int k = 0, o = 0; k < cats; k++, o += row) {
        float v = w[base + ord[k]] * scale;
        diff[o + from] += v;
        diff[o + to] -= v;
      }
    }
    for (int k = 0; k < cats; k++) {
      Category c = categories.get(k);
      // a running prefix sum of the diff array is each character's contribution; words add theirs up
      int o = k * row;
      double run = 0, max = 0;
      List<Span> words = new ArrayList<>();
      int i = 0;
      while (i < len) {
        if (!Featurizer.isWordChar(text[i])) {
          run += diff[o + i++];
          continue;
        }
        int s = i, last = i;
        double sum = 0;
        while (i < len && text[i] != ' ') {
          run += diff[o + i];
          if (Featurizer.isWordChar(text[i])) last = i;
          sum += run;
          i++;
        }
        if (sum > 0) {
          words.add(new Span(t.start()[s], t.end()[last], c, sum));
          max = Math.max(max, sum);
        }
      }
      words.sort(BY_WEIGHT);
      for (int n = 0; n < words.size() && n < MAX_SPANS_PER_CATEGORY; n++) {
        if (words.get(n).weight() < MIN_SHARE * max) break;
        out.add(words.get(n));
      }
    }
    out.sort(BY_WEIGHT);
    return out;
  }
}
