package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One line of the audit log ({@code action} as stored: see {@link AuditAction}): who did what, when, to which comment, with the state before and after. */
public record AuditEntry(long id, String siteId, Long actorId, String actorName, String action, Long commentId,
    JsonNode before, JsonNode after, String detail, boolean undone, Instant createdAt) {

  /** Whether the dashboard offers Undo: a known, reversible action not undone yet. */
  public boolean undoable() {
    return !undone && AuditAction.fromKey(action).map(AuditAction::undoable).orElse(false);
  }

  /** What changed, in a few words: "pending → published", "featured", "unfeatured", "reports cleared". */
  public String change() {
    if (before == null || after == null || !before.has("state") || !after.has("state")) return "";
    String from = before.path("state").asText();
    String to = after.path("state").asText();
    if (!from.equals(to)) return from + " → " + to;
    if (before.path("featured").asBoolean() != after.path("featured").asBoolean()) {
      return after.path("featured").asBoolean() ? "featured" : "unfeatured";
    }
    if (before.path("reportOpen").asBoolean() && !after.path("reportOpen").asBoolean()) return "reports cleared";
    return "no change";
  }
}
