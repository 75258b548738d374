package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One line of the audit log: who did what, when, to which comment, with the state before and after. */
public record AuditEntry(long id, String siteId, Long actorId, String actorName, String action, Long commentId,
    JsonNode before, JsonNode after, String detail, boolean undone, Instant createdAt) {}
