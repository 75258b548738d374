package parley.classify.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.classify.Category;

/**
 * Which labelled rows a category trains (and calibrates) on. Within each dataset, positives are capped at the number of
 * negatives, evenly thinned: davidson2017 is 83 % "toxic", and left alone it teaches the model that any tweet-like
 * text (emoji, slang, short replies) is abuse. Deterministic: no random draw.
 */
final class Balance {
  private Balance() {}

  static List<Integer> indices(List<Example> ex, Category c) {
    Map<String, List<Integer>> pos = new LinkedHashMap<>(), neg = new LinkedHashMap<>();
    for (int i = 0; i < ex.size(); i++) {
      Example e = ex.get(i);
      if (!e.has(c)) continue;
      (e.label(c) == 1 ? pos : neg).computeIfAbsent(e.dataset(), k -> new ArrayList<>()).add(i);
    }
    List<Integer> out = new ArrayList<>();
    for (String d : union(pos, neg)) {
      List<Integer> p = pos.getOrDefault(d, List.of()), n = neg.getOrDefault(d, List.of());
      out.addAll(n);
      if (n.isEmpty() || p.size() <= n.size()) {
        out.addAll(p);
        continue;
      }
      for (int k = 0; k < p.size(); k++) {
        if ((long) k * n.size() / p.size() != (long) (k + 1) * n.size() / p.size()) out.add(p.get(k));
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Rows to fit on: {@link #indices} with Parley's own augmentation rows repeated {@link #AUGMENT_REPEAT} times. They
   * are a few hundred rows among tens of thousands, written for the cases the public sets lack (short threats, news
   * violence, identity mentions); at weight 1 their signal drowns. Dev (calibration, thresholds) keeps weight 1.
   */
  static List<Integer> trainingIndices(List<Example> ex, Category c) {
    List<Integer> base = indices(ex, c);
    List<Integer> out = new ArrayList<>(base);
    for (int i : base) {
      if (!Corpus.AUGMENT.equals(ex.get(i).dataset())) continue;
      for (int k = 1; k < AUGMENT_REPEAT; k++) out.add(i);
    }
    return out;
  }

  static final int AUGMENT_REPEAT = 4;

  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    List<String> out = new ArrayList<>(a.keySet());
    for (String k : b.keySet()) if (!out.contains(k)) out.add(k);
    return out;
  }
}
