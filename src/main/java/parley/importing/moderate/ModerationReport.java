package parley.importing.moderate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import parley.classify.Category;
import parley.classify.Classification;
import parley.moderation.Judgement;
import parley.moderation.Reason;
import parley.moderation.Verdict.Kind;

/**
 * What re-moderation would do: comments per verdict, per reason (held and rejected), the strongest examples of each,
 * and the share of held comments per thread. Memory is bounded by the number of threads. Thread-safe.
 */
public final class ModerationReport {
  private static final int EXAMPLES = 20;
  private static final int EXAMPLE_CHARS = 160;
  private static final String LANGUAGE_RULE = "classifier.language";

  private record Example(double score, String pageKey, String text) {}

  private final Map<Kind, Long> verdicts = new EnumMap<>(Kind.class);
  private final Map<String, long[]> perReason = new TreeMap<>(); // rule -> {held, rejected}
  private final Map<String, PriorityQueue<Example>> examples = new HashMap<>();
  private final Map<String, long[]> threads = new HashMap<>(); // page key -> {comments, held, rejected}
  private long unsupportedLanguage;
  private long total;

  public ModerationReport() {
    for (Kind v : Kind.values()) verdicts.put(v, 0L);
  }

  public synchronized void add(Item item, Judgement j) {
    total++;
    Kind kind = j.verdict().kind();
    verdicts.merge(kind, 1L, Long::sum);
    if (kind != Kind.PUBLISH) {
      for (Reason r : j.verdict().reasons()) {
        perReason.computeIfAbsent(r.rule(), k -> new long[2])[kind == Kind.HOLD ? 0 : 1]++;
        if (r.rule().equals(LANGUAGE_RULE)) unsupportedLanguage++;
        example(kind.key() + " " + r.rule(), new Example(strength(r, j.classification()), item.pageKey(), item.text()));
      }
    }
    long[] t = threads.computeIfAbsent(item.pageKey(), k -> new long[3]);
    t[0]++;
    if (kind == Kind.HOLD) t[1]++;
    if (kind == Kind.REJECT) t[2]++;
  }

  // examples of a score rule rank by that category's score; of other rules, by the comment's highest score
  private static double strength(Reason r, Classification c) {
    if (c == null) return 0;
    if (r.rule().startsWith("score.")) return c.score(Category.fromKey(r.rule().substring("score.".length())));
    double max = 0;
    for (Category cat : Category.values()) max = Math.max(max, c.score(cat));
    return max;
  }

  private void example(String key, Example e) {
    PriorityQueue<Example> q = examples.computeIfAbsent(key,
        k -> new PriorityQueue<>(Comparator.comparingDouble(Example::score)));
    q.add(e);
    if (q.size() > EXAMPLES) q.poll();
  }

  public synchronized long total() {
    return total;
  }

  public synchronized long count(Kind v) {
    return verdicts.get(v);
  }

  /** Held comments that carry {@code rule} (e.g. {@code score.spam}, {@code words.suspect}, {@code duplicate}). */
  public synchronized long held(String rule) {
    return perReason.getOrDefault(rule, new long[2])[0];
  }

  public synchronized long rejected(String rule) {
    return perReason.getOrDefault(rule, new long[2])[1];
  }

  /** The report as text, with the throughput of the run. */
  public synchronized String render(double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Re-scored %,d comments in %.1f s (%,.0f comments/s).%n%n", total, seconds,
        seconds > 0 ? total / seconds : 0.0));
    for (Kind v : Kind.values()) {
      sb.append(String.format(Locale.ROOT, "  %-8s %,10d  %5.1f%%%n", v.key(), verdicts.get(v), pct(verdicts.get(v), total)));
    }
    if (unsupportedLanguage > 0) {
      sb.append(String.format(Locale.ROOT, "  (%,d held because their language is not supported by the model)%n", unsupportedLanguage));
    }
    sb.append(String.format("%nPer reason                 held    rejected%n"));
    if (perReason.isEmpty()) sb.append("  (none)\n");
    perReason.forEach((rule, n) -> sb.append(String.format(Locale.ROOT, "  %-20s %,10d  %,10d%n", rule, n[0], n[1])));
    examples.keySet().stream().sorted().forEach(key -> {
      sb.append(String.format("%nTop examples: %s%n", key));
      new ArrayList<>(examples.get(key)).stream().sorted(Comparator.comparingDouble(Example::score).reversed())
          .forEach(e -> sb.append(String.format(Locale.ROOT, "  %.2f  %s  %s%n", e.score(), e.pageKey(), shorten(e.text()))));
    });
    sb.append(String.format("%nThreads with the largest share held%n"));
    List<Map.Entry<String, long[]>> ranked = threads.entrySet().stream()
        .filter(e -> e.getValue()[1] > 0)
        .sorted(Comparator.comparingDouble((Map.Entry<String, long[]> e) -> -(double) e.getValue()[1] / e.getValue()[0])
            .thenComparing(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .limit(20).toList();
    if (ranked.isEmpty()) sb.append("  (none)\n");
    ranked.forEach(e -> sb.append(String.format(Locale.ROOT, "  %5.1f%% held  %5.1f%% rejected  of %,6d  %s%n",
        pct(e.getValue()[1], e.getValue()[0]), pct(e.getValue()[2], e.getValue()[0]), e.getValue()[0], e.getKey())));
    return sb.toString();
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static String shorten(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= EXAMPLE_CHARS ? line : line.substring(0, EXAMPLE_CHARS - 1) + "…";
  }
}
