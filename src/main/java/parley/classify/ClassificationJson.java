package parley.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON object that {@code parley classify --json} prints and {@code POST /api/v1/classify} answers:
 * {@code {"text", "scores": {...}, "language", "decision", "reasons": [...], "spans": [...]}}. Kept free of the
 * moderation types so the HTTP layer can pass its own decision in.
 */
public final class ClassificationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassificationJson() {}

  public static ObjectNode toJson(String text, Classification c, String decision, List<String> reasons) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", text);
    ObjectNode scores = root.putObject("scores");
    for (Category cat : Category.values()) scores.put(cat.key(), round(c.score(cat)));
    root.put("language", c.language());
    root.put("languageSupported", c.languageSupported());
    root.put("stage", c.stage().key());
    root.put("decision", decision);
    ArrayNode r = root.putArray("reasons");
    reasons.forEach(r::add);
    ArrayNode spans = root.putArray("spans");
    for (Span s : c.spans()) {
      ObjectNode n = spans.addObject();
      n.put("start", s.start());
      n.put("end", s.end());
      n.put("category", s.category().key());
      n.put("weight", round(s.weight()));
    }
    return root;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
