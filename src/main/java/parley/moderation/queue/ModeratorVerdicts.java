package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.classify.Category;
import parley.kit.Json;
import parley.moderation.Rule;
import parley.store.Database;

/**
 * What this newsroom's moderators decided in the dashboard, as labelled comments for {@code parley train --feedback}:
 * each comment's latest approve or reject that was not undone, on comments whose text is still there (not erased or
 * deleted by their author).
 *
 * <p>Labels: an approved comment is acceptable, so 0 in every category. A rejected one is 1 in each category the
 * classifier named among its reasons ({@code score.insult}, ...); rejected without one (held for a link, a new author,
 * pre-moderation; or published, then reported), it is 1 for toxic only (incivility is what news moderators remove most)
 * and says nothing about the other categories.
 */
public final class ModeratorVerdicts {
  /** One verdict: the comment as its author wrote it and its labels (categories absent: unknown). */
  public record Verdict(long commentId, String siteId, String text, boolean approved, Map<Category, Integer> labels) {}

  private ModeratorVerdicts() {}

  public static List<Verdict> read(Database db) {
    List<Map<String, Object>> rows = db.read(h -> h.createQuery("""
            SELECT a.comment_id, a.site_id, a.action, c.body_markdown, c.moderation
            FROM audit_log a JOIN comments c ON c.id = a.comment_id
            WHERE a.action IN ('approve', 'reject') AND a.undone = 0 AND c.erased_at IS NULL AND c.state <> 'deleted'
            ORDER BY a.id""").mapToMap().list());
    Map<Long, Verdict> latest = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      long id = ((Number) row.get("comment_id")).longValue();
      String text = (String) row.get("body_markdown");
      if (text == null || text.isBlank()) continue;
      boolean approved = AuditAction.APPROVE.key().equals(row.get("action"));
      latest.remove(id); // the latest verdict counts, in the order verdicts were given
      latest.put(id, new Verdict(id, (String) row.get("site_id"), text, approved,
          approved ? allAcceptable() : rejected((String) row.get("moderation"))));
    }
    return new ArrayList<>(latest.values());
  }

  private static Map<Category, Integer> allAcceptable() {
    Map<Category, Integer> labels = new EnumMap<>(Category.class);
    for (Category c : Category.values()) labels.put(c, 0);
    return labels;
  }

  private static Map<Category, Integer> rejected(String moderation) {
    Map<Category, Integer> labels = new EnumMap<>(Category.class);
    if (moderation != null) {
      try {
        for (JsonNode reason : Json.MAPPER.readTree(moderation).path("reasons")) {
          String rule = reason.path("rule").asText("");
          for (Category c : Category.values()) if (Rule.scoreKey(c).equals(rule)) labels.put(c, 1);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // a reason written by hand or by an old version: the verdict still counts, as toxic
      }
    }
    if (labels.isEmpty()) labels.put(Category.TOXIC, 1);
    return labels;
  }
}
