package parley.importing.moderate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Thresholds;
import parley.moderation.Links;
import parley.moderation.ScoreThresholds;
import parley.moderation.ScoreThresholds.Verdict;

/**
 * What re-moderation would do: comments per verdict, per category (held and rejected), the strongest examples of each,
 * and the share of held comments per thread. Memory is bounded by the number of threads. Thread-safe.
 */
public final class ModerationReport {
  private static final int EXAMPLES = 20;
  private static final int EXAMPLE_CHARS = 160;

  private record Example(double score, String pageKey, String text) {}

  private final ScoreThresholds thresholds;
  private final Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
  private final Map<Category, long[]> perCategory = new EnumMap<>(Category.class); // {held, rejected}
  private final Map<String, PriorityQueue<Example>> examples = new HashMap<>();
  private final Map<String, long[]> threads = new HashMap<>(); // page key -> {comments, held, rejected}
  private long unsupportedLanguage;
  private long total;

  public ModerationReport(ScoreThresholds thresholds) {
    this.thresholds = thresholds;
    for (Verdict v : Verdict.values()) verdicts.put(v, 0L);
    for (Category c : Category.values()) perCategory.put(c, new long[2]);
  }

  public synchronized void add(Item item, Classification c, ScoreThresholds.Decision decision) {
    total++;
    verdicts.merge(decision.verdict(), 1L, Long::sum);
    if (!c.languageSupported()) unsupportedLanguage++;
    for (Category cat : Category.values()) {
      double s = c.score(cat);
      ScoreThresholds.Limits l = thresholds.limits().get(cat);
      boolean mayReject = c.languageSupported() && (cat != Category.SPAM || Links.spamMayReject(item.text()));
      int kind = Thresholds.reaches(s, l.reject()) && mayReject ? 1 : Thresholds.reaches(s, l.hold()) ? 0 : -1;
      if (kind < 0) continue;
      perCategory.get(cat)[kind]++;
      example((kind == 1 ? "reject " : "hold ") + cat.key(), new Example(s, item.pageKey(), item.text()));
    }
    long[] t = threads.computeIfAbsent(item.pageKey(), k -> new long[3]);
    t[0]++;
    if (decision.verdict() == Verdict.HOLD) t[1]++;
    if (decision.verdict() == Verdict.REJECT) t[2]++;
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

  public synchronized long count(Verdict v) {
    return verdicts.get(v);
  }

  public synchronized long held(Category c) {
    return perCategory.get(c)[0];
  }

  public synchronized long rejected(Category c) {
    return perCategory.get(c)[1];
  }

  /** The report as text, with the throughput of the run. */
  public synchronized String render(double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Re-scored %,d comments in %.1f s (%,.0f comments/s).%n%n", total, seconds,
        seconds > 0 ? total / seconds : 0.0));
    for (Verdict v : Verdict.values()) {
      sb.append(String.format(Locale.ROOT, "  %-8s %,10d  %5.1f%%%n", v.key(), verdicts.get(v), pct(verdicts.get(v), total)));
    }
    if (unsupportedLanguage > 0) {
      sb.append(String.format(Locale.ROOT, "  (%,d held because their language is not supported by the model)%n", unsupportedLanguage));
    }
    sb.append(String.format("%nPer category        held    rejected%n"));
    for (Category c : Category.values()) {
      long[] n = perCategory.get(c);
      sb.append(String.format(Locale.ROOT, "  %-10s %,10d  %,10d%n", c.key(), n[0], n[1]));
    }
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
