package parley.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Thresholds;

/**
 * A site's moderation policy over classifier scores: per category, hold for a moderator at {@code hold} and reject
 * outright at {@code reject}. Defaults come from the shipped model's calibration ({@code thresholds.json} next to it);
 * reject is only set where dev precision was high. JSON form: {@code {"toxic": {"hold": 0.6, "reject": 0.95}, ...}};
 * categories left out keep their defaults.
 */
public record ScoreThresholds(Map<Category, Limits> limits) {
  public record Limits(double hold, double reject) {
    public Limits {
      if (!(hold >= 0 && hold <= 1 && reject >= 0 && reject <= 1)) throw new IllegalArgumentException("thresholds must be in [0, 1]");
    }
  }

  public enum Verdict {
    PUBLISH, HOLD, REJECT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record Decision(Verdict verdict, List<String> reasons) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_RESOURCE = "/parley/model/thresholds.json";
  /** Used only when the resource is missing (a custom build without the model). */
  private static final Limits FALLBACK = new Limits(0.6, 0.95);

  public ScoreThresholds {
    EnumMap<Category, Limits> m = new EnumMap<>(Category.class);
    for (Category c : Category.values()) m.put(c, limits.getOrDefault(c, FALLBACK));
    limits = Collections.unmodifiableMap(m);
  }

  public static ScoreThresholds defaults() {
    try (InputStream in = ScoreThresholds.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return in == null ? new ScoreThresholds(Map.of()) : parse(JSON.readTree(in), new ScoreThresholds(Map.of()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads a policy file; categories it leaves out keep the defaults. */
  public static ScoreThresholds load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(JSON.readTree(in), defaults());
    }
  }

  static ScoreThresholds parse(JsonNode root, ScoreThresholds base) {
    Map<Category, Limits> m = new EnumMap<>(base.limits());
    for (Category c : Category.values()) {
      JsonNode n = root.get(c.key());
      if (n == null) continue;
      Limits old = m.get(c);
      m.put(c, new Limits(n.path("hold").asDouble(old.hold()), n.path("reject").asDouble(old.reject())));
    }
    return new ScoreThresholds(m);
  }

  /** Spam rejects only with a link in {@code text} ({@link Links#spamMayReject}); without one it holds. */
  public Decision decide(String text, Classification c) {
    boolean spamMayReject = Links.spamMayReject(text);
    List<String> reject = new ArrayList<>(), hold = new ArrayList<>();
    if (!c.languageSupported()) hold.add("unsupported language " + c.language());
    for (Category cat : Category.values()) {
      double s = c.score(cat);
      Limits l = limits.get(cat);
      if (Thresholds.reaches(s, l.reject()) && (cat != Category.SPAM || spamMayReject)) reject.add(String.format(Locale.ROOT, "%s %.2f >= reject %.2f", cat.key(), s, l.reject()));
      else if (Thresholds.reaches(s, l.hold())) hold.add(String.format(Locale.ROOT, "%s %.2f >= hold %.2f", cat.key(), s, l.hold()));
    }
    // an unsupported language's scores are not trustworthy: never reject on them, hold for a person instead
    if (!reject.isEmpty() && c.languageSupported()) {
      reject.addAll(hold);
      return new Decision(Verdict.REJECT, List.copyOf(reject));
    }
    hold.addAll(c.languageSupported() ? 0 : 1, reject.stream().map(r -> r.replace(">= reject", ">= reject (not applied)")).toList());
    if (!hold.isEmpty()) return new Decision(Verdict.HOLD, List.copyOf(hold));
    return new Decision(Verdict.PUBLISH, List.of());
  }
}
