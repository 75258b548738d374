package parley.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import parley.classify.Category;
import parley.moderation.Policy.Threshold;
import parley.kit.Json;

/**
 * The default per-category thresholds of {@link Policy#defaults()}: the shipped model's calibration
 * ({@code thresholds.json} next to it; reject is only set where dev precision was high). Judging is the pipeline's.
 */
public final class ScoreThresholds {
  private static final String DEFAULT_RESOURCE = "/parley/model/thresholds.json";
  /** Used only when the resource is missing (a custom build without the model). */
  private static final Threshold FALLBACK = new Threshold(0.6, 0.95);

  private ScoreThresholds() {}

  /** Every category's hold and reject line, in {@link Category} order. */
  public static Map<Category, Threshold> defaults() {
    try (InputStream in = ScoreThresholds.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return over(in == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(in), fallback());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** {@code base} with the lines {@code {"toxic": {"hold": 0.6, "reject": 0.95}, ...}} names; others stay. */
  static Map<Category, Threshold> over(JsonNode lines, Map<Category, Threshold> base) {
    Map<Category, Threshold> m = new EnumMap<>(Category.class);
    m.putAll(base);
    for (Category c : Category.values()) {
      JsonNode n = lines.get(c.key());
      if (n == null) continue;
      Threshold old = m.getOrDefault(c, FALLBACK);
      m.put(c, new Threshold(n.path("hold").asDouble(old.hold()), n.path("reject").asDouble(old.reject())));
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<Category, Threshold> fallback() {
    Map<Category, Threshold> m = new EnumMap<>(Category.class);
    for (Category c : Category.values()) m.put(c, FALLBACK);
    return m;
  }
}
