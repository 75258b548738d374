package parley.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.classify.Category;
import parley.classify.Classification;
import parley.comment.ArrivalCheck;
import parley.kit.Json;

/**
 * The one JSON form of a {@link Judgement}, stored on each comment and read by the dashboard: {@code scores}
 * (classifier evidence: scores, language, stage, spans) and {@code moderation} (verdict, reasons, when, and who).
 */
public final class DecisionJson {
  /**
   * Who decided: a comment as it arrived or was edited; on arrival, on the fast stage's scores alone while the full
   * ones are still coming (provisional: replaced when they come); or {@code parley moderate} re-judging stored comments.
   */
  public enum By { ARRIVAL, PROVISIONAL, BULK }

  private DecisionJson() {}

  /** The decision as a comment stores it: its state and both JSON columns. */
  public static ArrivalCheck.Decision stored(Judgement d, By by, long atMillis) {
    return new ArrivalCheck.Decision(d.state(), scores(d.classification()), moderation(d.verdict(), by, atMillis));
  }

  public static String scores(Classification c) {
    if (c == null) return null;
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Category cat : Category.values()) scores.put(cat.key(), Math.round(c.score(cat) * 1000) / 1000.0);
    out.put("scores", scores);
    out.put("language", c.language());
    out.put("languageSupported", c.languageSupported());
    out.put("stage", c.stage() == null ? null : c.stage().key());
    out.put("spans", c.spans() == null ? List.of() : c.spans().stream().map(s -> Map.of("start", s.start(),
        "end", s.end(), "category", s.category().key(), "weight", Math.round(s.weight() * 1000) / 1000.0)).toList());
    return write(out);
  }

  // final live decisions leave "by" out, as they always have; provisional ones and re-moderation mark themselves
  public static String moderation(Verdict v, By by, long atMillis) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (by != By.ARRIVAL) out.put("by", by.name().toLowerCase(java.util.Locale.ROOT));
    out.put("verdict", v.key());
    out.put("reasons", v.reasons());
    out.put("at", atMillis);
    return write(out);
  }

  private static String write(Object o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
