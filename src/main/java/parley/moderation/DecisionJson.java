package parley.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.classify.Category;
import parley.classify.Classification;
import parley.web.Json;

/** The JSON stored on each comment: {@code scores} (classifier evidence) and {@code moderation} (verdict + reasons). */
public final class DecisionJson {
  private DecisionJson() {}

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

  public static String reasons(Verdict v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verdict", v.key());
    out.put("reasons", v.reasons());
    out.put("at", System.currentTimeMillis());
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
