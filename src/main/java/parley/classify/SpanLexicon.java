package parley.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which words readers' raters mark as the toxic part of a toxic comment (SemEval-2021 toxic spans): per normalized
 * word, the share of its occurrences in toxic comments that fell inside a marked span. A classifier's feature weights
 * say what moved the score; raters mark the insult itself ("idiot", "pathetic"), not the topic words around it, and
 * this table learns that from their spans. Used for the toxic category's explanation; the scores are unchanged.
 */
public final class SpanLexicon {
  /** A word needs this many occurrences in the training comments to be judged at all. */
  static final int MIN_COUNT = 2;
  private final Map<String, Float> share;
  private final double threshold;

  SpanLexicon(Map<String, Float> share, double threshold) {
    this.share = share;
    this.threshold = threshold;
  }

  /** A toxic comment with the character ranges [start, end) that raters marked. */
  public record Marked(String text, List<int[]> spans) {}

  /** Counts, per normalized word, how often it lies inside a marked span. */
  static SpanLexicon fit(List<Marked> rows, double threshold) {
    Map<String, int[]> counts = new HashMap<>();
    for (Marked m : rows) {
      boolean[] in = new boolean[m.text().length()];
      for (int[] s : m.spans()) for (int i = Math.max(0, s[0]); i < Math.min(in.length, s[1]); i++) in[i] = true;
      forEachWord(TextNormalizer.normalize(m.text()), (word, start, end) -> {
        int inside = 0;
        for (int i = start; i < end; i++) if (in[i]) inside++;
        int[] c = counts.computeIfAbsent(word, k -> new int[2]);
        c[0]++;
        if (inside * 2 >= end - start) c[1]++;
      });
    }
    Map<String, Float> share = new HashMap<>();
    counts.forEach((w, c) -> {
      if (c[0] >= MIN_COUNT && c[1] > 0) share.put(w, (float) c[1] / (c[0] + 1)); // +1: one unseen "not marked"
    });
    return new SpanLexicon(share, threshold);
  }

  /** Chooses the share threshold that gives the best mean character F1 on {@code tune}, for a table fitted on {@code fit}. */
  static SpanLexicon fitTuned(List<Marked> fit, List<Marked> tune, List<Marked> all) {
    SpanLexicon probe = fit(fit, 0);
    double best = 0.5, bestF1 = -1;
    for (int k = 10; k <= 80; k += 5) {
      SpanLexicon l = new SpanLexicon(probe.share, k / 100.0);
      double f1 = l.meanF1(tune);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = k / 100.0;
      }
    }
    return fit(all, best);
  }

  /** Marked words of {@code text} as original-character ranges. */
  List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    forEachWord(TextNormalizer.normalize(text), (word, start, end) -> {
      Float s = share.get(word);
      if (s != null && s >= threshold) out.add(new int[] {start, end});
    });
    return out;
  }

  boolean marks(float share) {
    return share > 0 && share >= threshold;
  }

  float share(String normalizedWord) {
    return share.getOrDefault(normalizedWord, 0f);
  }

  /** SemEval-2021 task 5's measure: mean over comments of the character-offset F1 (1 when both are empty). */
  double meanF1(List<Marked> rows) {
    double sum = 0;
    for (Marked m : rows) sum += f1(spans(m.text()), m.spans());
    return rows.isEmpty() ? Double.NaN : sum / rows.size();
  }

  static double f1(List<int[]> predicted, List<int[]> gold) {
    java.util.BitSet p = bits(predicted), g = bits(gold);
    if (g.isEmpty()) return p.isEmpty() ? 1 : 0;
    if (p.isEmpty()) return 0;
    java.util.BitSet both = (java.util.BitSet) p.clone();
    both.and(g);
    if (both.isEmpty()) return 0;
    double precision = (double) both.cardinality() / p.cardinality(), recall = (double) both.cardinality() / g.cardinality();
    return 2 * precision * recall / (precision + recall);
  }

  private static java.util.BitSet bits(List<int[]> spans) {
    java.util.BitSet b = new java.util.BitSet();
    for (int[] s : spans) if (s[1] > s[0]) b.set(Math.max(0, s[0]), s[1]);
    return b;
  }

  interface WordVisitor {
    void visit(String word, int start, int end);
  }

  /** Words of the normalized text (as the fast stage splits them), with their original-character range. */
  static void forEachWord(TextNormalizer.Normalized t, WordVisitor v) {
    char[] text = t.chars();
    int i = 0, len = t.length();
    while (i < len) {
      if (!Featurizer.isWordChar(text[i])) {
        i++;
        continue;
      }
      int s = i, last = i;
      while (i < len && text[i] != ' ') {
        if (Featurizer.isWordChar(text[i])) last = i;
        i++;
      }
      v.visit(new String(text, s, last - s + 1), t.start()[s], t.end()[last]);
    }
  }

  /** One line per word: {@code word<TAB>share}, after a header line {@code threshold<TAB>t}. */
  void write(OutputStream out) {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(java.util.Locale.ROOT, "threshold\t%.2f%n", threshold);
    new TreeMap<>(share).forEach((k, s) -> w.printf(java.util.Locale.ROOT, "%s\t%.3f%n", k, s));
    w.flush();
  }

  static SpanLexicon read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String head = r.readLine();
    if (head == null || !head.startsWith("threshold\t")) throw new IOException("spans.tsv: missing threshold line");
    double threshold = Double.parseDouble(head.substring(10));
    Map<String, Float> share = new HashMap<>();
    for (String line; (line = r.readLine()) != null; ) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) share.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
    }
    return new SpanLexicon(share, threshold);
  }
}
