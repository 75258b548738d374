package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.site.Origins;
import parley.kit.Tokens;
import parley.comment.CommentService;
import parley.comment.SignedInReader;
import parley.moderation.ModerationService;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;

/** What readers do for moderation: report a comment; and see a thread's editor's picks. */
public final class ReaderHandlers {
  private final CommentService comments;
  private final QueueService queues;
  private final ModerationService moderation;
  private final Origins origins;

  public ReaderHandlers(CommentService comments, QueueService queues, ModerationService moderation, Origins origins) {
    this.comments = comments;
    this.queues = queues;
    this.moderation = moderation;
    this.origins = origins;
  }

  // POST /api/v1/comments/{id}/report {reason: abuse|spam|off-topic|misinformation|other, note?} → {reports}
  public void report(Context ctx) {
    long id = QueueHandlers.id(ctx, "id");
    String site = comments.siteOf(id);
    requireAllowed(ctx, site);
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    SignedInReader reader = ctx.attribute(SignedInReader.ATTRIBUTE);
    String client = ctx.header("X-Parley-Client");
    String reporter = reader != null ? "account:" + reader.accountId()
        : client != null && !client.isBlank() ? "client:" + Tokens.sha256(client) : null;
    if (reporter == null) throw new ApiException(ErrorCode.CLIENT_ID_REQUIRED);
    String note = Json.text(body, "note");
    if (note != null && note.length() > 500) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'note' is at most 500 characters.");
    int count = queues.report(id, reporter, Tokens.sha256(ctx.ip()), Json.text(body, "reason"), note,
        moderation.policy(site).reportsToQueue());
    ctx.status(201).json(Map.of("reports", count));
  }

  // GET /api/v1/featured?site=&page= → {comments: [editor's picks]}
  public void featured(Context ctx) {
    String site = ctx.queryParam("site");
    requireAllowed(ctx, site);
    String page = ctx.queryParam("page");
    if (site == null || page == null) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'site' and 'page' are required.");
    List<Map<String, Object>> out = queues.featured(site, comments.storedKey(site, page)).stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("author", c.authorName());
      m.put("html", c.bodyHtml());
      m.put("createdAt", c.createdAt());
      return m;
    }).toList();
    ctx.json(Map.of("comments", out));
  }

  private void requireAllowed(Context ctx, String siteId) {
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), siteId);
  }
}
