package parley.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.classify.Category;
import parley.moderation.AuthorStore;
import parley.moderation.Policy;
import parley.moderation.queue.QueueItem;
import parley.moderation.queue.ReportStore;

/** One comment on a queue page, prepared for the template. */
public record Card(QueueItem item, List<Highlight.Segment> segments, List<Score> scores, String verdict,
    List<String> reasons, AuthorStore.Counts author, List<QueueItem> recent, List<ReportStore.Report> reports,
    parley.moderation.Trust trust) {

  /** A category's score against the site's hold line; {@code level} is ok, hold or reject. */
  public record Score(String category, double value, String level) {
    public int percent() {
      return (int) Math.round(value * 100);
    }
  }

  static List<Score> scores(JsonNode scores, Policy policy) {
    List<Score> out = new ArrayList<>();
    if (scores == null) return out;
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> scores.path("scores").fields()) {
      double v = e.getValue().asDouble();
      Policy.Threshold t = threshold(policy, e.getKey());
      String level = t == null ? "ok" : v >= t.reject() ? "reject" : v >= t.hold() ? "hold" : "ok";
      out.add(new Score(e.getKey(), v, level));
    }
    out.sort((a, b) -> Double.compare(b.value(), a.value()));
    return out;
  }

  /** The site's line for a stored score key; none for a key no category has (scores from an older model). */
  private static Policy.Threshold threshold(Policy policy, String key) {
    try {
      return policy.thresholds().get(Category.fromKey(key));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static List<String> reasons(JsonNode moderation) {
    List<String> out = new ArrayList<>();
    if (moderation == null) return out;
    moderation.path("reasons").forEach(r -> out.add(r.path("detail").asText()));
    return out;
  }

  public String shortBody(QueueItem other) {
    String b = other.body();
    return b.length() > 140 ? b.substring(0, 140) + "…" : b;
  }
}
