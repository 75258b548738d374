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
 *
 * <p>Three rules on top of the table, each worth a few points of character F1 on the dev split: an unseen word takes
 * the share of its first four letters ("idiotic", "libtards"), at a discount; a word next to a marked word is marked
 * from a lower share (raters mark "disgusting pig", not "pig" alone); and a toxic comment with no word above the
 * threshold still gets its strongest word, since raters almost always mark something.
 *
 * <p>Fitting and writing are public for {@code parley.classify.train}, which builds the lexicon.
 */
public final class SpanLexicon {
  /**
   * A word needs this many occurrences in the training comments to be judged at all: one, since the +1 smoothing
   * already keeps a word seen once below the threshold (1/2), and five-fold CV on the train split prefers it to two.
   */
  static final int MIN_COUNT = 1;
  static final int PREFIX = 4;
  private static final float PREFIX_DISCOUNT = 0.9f;
  /** The strongest word of a comment is marked from this share when nothing reaches the threshold. */
  private static final float FALLBACK = 0.05f;
  private final Map<String, Float> share;
  private final Map<String, Float> prefixShare;
  private final double threshold;
  private final double neighbour;

  SpanLexicon(Map<String, Float> share, Map<String, Float> prefixShare, double threshold, double neighbour) {
    this.share = share;
    this.prefixShare = prefixShare;
    this.threshold = threshold;
    this.neighbour = Math.min(neighbour, threshold);
  }

  /** A toxic comment with the character ranges [start, end) that raters marked. */
  public record Marked(String text, List<int[]> spans) {}

  /** A marked stretch of the original text and the strongest share in it. */
  record Range(int start, int end, float share) {}

  /** Counts, per normalized word and per four-letter prefix, how often it lies inside a marked span. */
  static SpanLexicon fit(List<Marked> rows, double threshold, double neighbour) {
    Map<String, int[]> words = new HashMap<>(), prefixes = new HashMap<>();
    for (Marked m : rows) {
      boolean[] in = new boolean[m.text().length()];
      for (int[] s : m.spans()) for (int i = Math.max(0, s[0]); i < Math.min(in.length, s[1]); i++) in[i] = true;
      forEachWord(TextNormalizer.normalize(m.text()), (word, start, end) -> {
        int inside = 0;
        for (int i = start; i < end; i++) if (in[i]) inside++;
        boolean marked = inside * 2 >= end - start;
        count(words, word, marked);
        if (word.length() >= PREFIX) count(prefixes, word.substring(0, PREFIX), marked);
      });
    }
    return new SpanLexicon(shares(words), shares(prefixes), threshold, neighbour);
  }

  static SpanLexicon fit(List<Marked> rows, double threshold) {
    return fit(rows, threshold, threshold);
  }

  private static void count(Map<String, int[]> counts, String key, boolean marked) {
    int[] c = counts.computeIfAbsent(key, k -> new int[2]);
    c[0]++;
    if (marked) c[1]++;
  }

  private static Map<String, Float> shares(Map<String, int[]> counts) {
    Map<String, Float> share = new HashMap<>();
    counts.forEach((w, c) -> {
      if (c[0] >= MIN_COUNT && c[1] > 0) share.put(w, (float) c[1] / (c[0] + 1)); // +1: one unseen "not marked"
    });
    return share;
  }

  /**
   * Chooses the two thresholds that give the best mean character F1 over five folds of {@code rows} (tables fitted on
   * four fifths, scored on the fifth left out), then fits the table on all of them.
   */
  public static SpanLexicon fitTuned(List<Marked> rows) {
    int folds = 5;
    List<SpanLexicon> probes = new ArrayList<>();
    List<List<Marked>> held = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<Marked> fit = new ArrayList<>(), out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) (i % folds == f ? out : fit).add(rows.get(i));
      probes.add(fit(fit, 0));
      held.add(out);
    }
    double best = 0.5, bestNeighbour = 0.5, bestF1 = -1;
    for (int k = 10; k <= 80; k += 5) {
      for (int n = 10; n <= k; n += 5) {
        double f1 = 0;
        for (int f = 0; f < folds; f++) {
          SpanLexicon p = probes.get(f);
          f1 += new SpanLexicon(p.share, p.prefixShare, k / 100.0, n / 100.0).meanF1(held.get(f)) / folds;
        }
        if (f1 > bestF1) {
          bestF1 = f1;
          best = k / 100.0;
          bestNeighbour = n / 100.0;
        }
      }
    }
    return fit(rows, best, bestNeighbour);
  }

  /** Marked stretches of {@code text}: marked words, with the short non-word gaps between neighbours joined. */
  List<Range> ranges(String text, TextNormalizer.Normalized norm) {
    return ranges(text, norm, null, null);
  }

  /**
   * As {@link #ranges(String, TextNormalizer.Normalized)}, each word scored by {@code mix}: its share blended with the
   * span branch's strongest mark over the word's characters ({@code marks}, per char of {@code text}), marked from the
   * mix's lines. Without marks, the share alone from the table's own lines.
   */
  List<Range> ranges(String text, TextNormalizer.Normalized norm, float[] marks, SpanMix mix) {
    List<int[]> at = new ArrayList<>();
    List<Float> shares = new ArrayList<>();
    boolean mixed = marks != null && mix != null;
    forEachWord(norm, (word, start, end) -> {
      at.add(new int[] {start, end});
      float share = share(word), mark = mixed ? strongest(marks, start, end) : Float.NaN;
      // a word the branch did not read (the middle of a long comment) keeps the table's share
      shares.add(Float.isNaN(mark) ? share : (float) mix.score(share, mark));
    });
    double threshold = mixed ? mix.line() : this.threshold, neighbour = mixed ? mix.neighbour() : this.neighbour;
    int n = at.size(), strongest = -1;
    boolean[] marked = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      marked[i] = shares.get(i) >= threshold && shares.get(i) > 0;
      any |= marked[i];
      if (strongest < 0 || shares.get(i) > shares.get(strongest)) strongest = i;
    }
    if (!any && strongest >= 0 && shares.get(strongest) >= FALLBACK) marked[strongest] = true;
    for (boolean grew = true; grew; ) { // neighbours of marked words, from the lower threshold, until nothing changes
      grew = false;
      for (int i = 0; i < n; i++) {
        if (marked[i] || shares.get(i) < neighbour || shares.get(i) <= 0) continue;
        if ((i > 0 && marked[i - 1]) || (i + 1 < n && marked[i + 1])) grew = marked[i] = true;
      }
    }
    List<Range> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!marked[i]) continue;
      Range last = out.isEmpty() ? null : out.get(out.size() - 1);
      int start = at.get(i)[0], end = at.get(i)[1];
      if (last != null && joinable(text, last.end(), start)) {
        out.set(out.size() - 1, new Range(last.start(), end, Math.max(last.share(), shares.get(i))));
      } else {
        out.add(new Range(start, end, shares.get(i)));
      }
    }
    return out;
  }

  /** The strongest mark over the word's characters; NaN if the branch read none of them. */
  private static float strongest(float[] marks, int start, int end) {
    float max = Float.NaN;
    for (int i = Math.max(0, start); i < Math.min(end, marks.length); i++) {
      if (!Float.isNaN(marks[i])) max = Float.isNaN(max) ? marks[i] : Math.max(max, marks[i]);
    }
    return max;
  }

  /** Neighbouring marked words become one stretch across spaces and light punctuation ("pig, idiot"). */
  private static boolean joinable(String text, int from, int to) {
    if (to - from > 3 || to < from) return false;
    for (int i = from; i < to; i++) if (Character.isLetterOrDigit(text.charAt(i))) return false;
    return true;
  }

  /** Marked stretches as original-character ranges. */
  List<int[]> spans(String text) {
    return spans(text, null, null);
  }

  /** Marked stretches as original-character ranges, the words scored by {@code mix} where there are marks. */
  public List<int[]> spans(String text, float[] marks, SpanMix mix) {
    return ranges(text, TextNormalizer.normalize(text), marks, mix).stream().map(r -> new int[] {r.start(), r.end()}).toList();
  }

  /** The word's share, or its prefix's (discounted) where the word itself was too rare to judge. */
  float share(String normalizedWord) {
    Float s = share.get(normalizedWord);
    if (s != null) return s;
    if (normalizedWord.length() < PREFIX) return 0f;
    return prefixShare.getOrDefault(normalizedWord.substring(0, PREFIX), 0f) * PREFIX_DISCOUNT;
  }

  /** SemEval-2021 task 5's measure: mean over comments of the character-offset F1 (1 when both are empty). */
  public double meanF1(List<Marked> rows) {
    double sum = 0;
    for (Marked m : rows) sum += f1(spans(m.text()), m.spans());
    return rows.isEmpty() ? Double.NaN : sum / rows.size();
  }

  /** The same measure with each comment's words scored by {@code mix} over its marks ({@code marks.get(i)} for row i). */
  public double meanF1(List<Marked> rows, List<float[]> marks, SpanMix mix) {
    double sum = 0;
    for (int i = 0; i < rows.size(); i++) sum += f1(spans(rows.get(i).text(), marks.get(i), mix), rows.get(i).spans());
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

  /**
   * {@code threshold<TAB>t} and {@code neighbour<TAB>n} header lines, then one line per word ({@code word<TAB>share})
   * and per prefix ({@code prefix<TAB>abcd<TAB>share}).
   */
  public void write(OutputStream out) {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(java.util.Locale.ROOT, "threshold\t%.2f%nneighbour\t%.2f%n", threshold, neighbour);
    new TreeMap<>(share).forEach((k, s) -> w.printf(java.util.Locale.ROOT, "%s\t%.3f%n", k, s));
    new TreeMap<>(prefixShare).forEach((k, s) -> w.printf(java.util.Locale.ROOT, "prefix\t%s\t%.3f%n", k, s));
    w.flush();
  }

  public static SpanLexicon read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String head = r.readLine();
    if (head == null || !head.startsWith("threshold\t")) throw new IOException("spans.tsv: missing threshold line");
    double threshold = Double.parseDouble(head.substring(10)), neighbour = threshold;
    Map<String, Float> share = new HashMap<>(), prefixes = new HashMap<>();
    for (String line; (line = r.readLine()) != null; ) {
      String[] f = line.split("\t", -1);
      if (f.length == 2 && f[0].equals("neighbour")) neighbour = Double.parseDouble(f[1]);
      else if (f.length == 2 && !f[0].isEmpty()) share.put(f[0], Float.parseFloat(f[1]));
      else if (f.length == 3 && f[0].equals("prefix")) prefixes.put(f[1], Float.parseFloat(f[2]));
    }
    return new SpanLexicon(share, prefixes, threshold, neighbour);
  }
}
