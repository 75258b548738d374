package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parley.auth.Guard;
import parley.auth.Principal;
import parley.moderation.BanScope;
import parley.moderation.queue.ModeratorActions.Action;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;

/** The moderators' JSON API; every route is wrapped by {@link Guard#moderator}, which checks role and CSRF. */
public final class QueueHandlers {
  private final QueueService queues;
  private final ModeratorActions actions;
  private final Claims claims;
  private final java.time.Clock clock;
  private final AuthorNotes notes;

  public QueueHandlers(QueueService queues, ModeratorActions actions, Claims claims, java.time.Clock clock,
      AuthorNotes notes) {
    this.clock = clock;
    this.notes = notes;
    this.queues = queues;
    this.actions = actions;
    this.claims = claims;
  }

  // POST /api/v1/sites/{site}/comments/{id}/claim → {commentId, accountId, moderator, until}; 409 CLAIMED_BY_OTHER
  public void claim(Context ctx) {
    ctx.json(claims.claim(site(ctx), id(ctx, "id"), actor(ctx)));
  }

  // DELETE /api/v1/sites/{site}/comments/{id}/claim → 204 (also when the caller held no claim)
  public void release(Context ctx) {
    claims.release(site(ctx), id(ctx, "id"), actor(ctx));
    ctx.status(204);
  }

  // GET /api/v1/sites/{site}/queues/{queue}?before=&limit= → {items, counts, next}
  public void list(Context ctx) {
    Queue q = Queue.parse(ctx.pathParam("queue"));
    if (q == null) throw new ApiException(ErrorCode.NOT_FOUND, "Queues: pending, reported, rejected, featured, recent.");
    int limit = intParam(ctx, "limit", 50, 1, 200);
    List<QueueItem> items = queues.list(site(ctx), q, longParam(ctx, "before"), limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    Map<String, Integer> counts = new LinkedHashMap<>();
    queues.counts(site(ctx)).forEach((k, v) -> counts.put(k.key(), v));
    out.put("counts", counts);
    out.put("next", items.size() == limit ? items.getLast().id() : null);
    ctx.json(out);
  }

  // GET /api/v1/sites/{site}/comments/{id} → comment in context, author history, reports
  public void detail(Context ctx) {
    ctx.json(queues.detail(site(ctx), id(ctx, "id")));
  }

  // POST /api/v1/sites/{site}/comments/{id}/{action: approve|reject|feature|unfeature} → {comment, auditId}
  public void act(Context ctx) {
    Action action = Action.parse(ctx.pathParam("action"));
    ctx.json(actions.act(site(ctx), id(ctx, "id"), action, actor(ctx)));
  }

  // POST /api/v1/sites/{site}/comments/{id}/ban {reason?, covers?: [account|client|address|email], until?} → {auditId}
  // until: "24h", "7d" or an ISO instant makes it a suspension that lapses by itself; without it the ban is for good
  public void ban(Context ctx) {
    JsonNode body = ctx.body().isBlank() ? null : Json.body(ctx.contentType(), ctx.bodyAsBytes());
    Set<BanScope> scopes = body == null || !body.has("covers") ? BanScope.DEFAULT : scopes(body.get("covers"));
    java.time.Instant until = body == null ? null : Suspension.until(Json.text(body, "until"), clock.instant());
    long auditId = actions.banAuthor(site(ctx), id(ctx, "id"), body == null ? null : Json.text(body, "reason"), scopes,
        until, actor(ctx));
    ctx.json(Map.of("auditId", auditId));
  }

  // GET /api/v1/sites/{site}/comments/{id}/trust → {score, standing, explain, lines: [{kind, count, points, text}]}
  public void trust(Context ctx) {
    parley.moderation.Trust t = queues.trust(site(ctx), id(ctx, "id"));
    List<Map<String, Object>> lines = t.lines().stream().map(l -> Map.<String, Object>of("kind", l.kind(),
        "count", l.count(), "points", l.points(), "text", l.text())).toList();
    ctx.json(Map.of("score", t.score(), "standing", t.standing(), "explain", t.explain(), "lines", lines));
  }

  // GET /api/v1/sites/{site}/comments/{id}/notes → {notes}: moderators' notes on the comment's author, newest first
  public void notes(Context ctx) {
    ctx.json(Map.of("notes", notes.list(site(ctx), id(ctx, "id"))));
  }

  // POST /api/v1/sites/{site}/comments/{id}/notes {body} → 201 {note}
  public void addNote(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    ctx.status(201).json(Map.of("note", notes.add(site(ctx), id(ctx, "id"), Json.text(body, "body"), actor(ctx))));
  }

  private static Set<BanScope> scopes(JsonNode covers) {
    Set<BanScope> scopes = EnumSet.noneOf(BanScope.class);
    for (JsonNode c : covers.isArray() ? covers : List.<JsonNode>of()) {
      BanScope scope = BanScope.parse(c.asText());
      if (scope == null) scopes.clear();
      if (scope == null) break;
      scopes.add(scope);
    }
    if (scopes.isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'covers' lists some of account, client, address, email.");
    }
    return scopes;
  }

  // POST /api/v1/sites/{site}/bulk {action, ids: [..]} → {changed}
  public void bulk(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    Action action = Action.parse(Json.text(body, "action"));
    List<Long> ids = new ArrayList<>();
    JsonNode list = body.path("ids");
    if (!list.isArray()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'ids' must be an array of ids.");
    list.forEach(n -> {
      if (!n.canConvertToLong()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'ids' must hold numbers.");
      ids.add(n.asLong());
    });
    ctx.json(Map.of("changed", actions.bulk(site(ctx), ids, action, actor(ctx))));
  }

  // POST /api/v1/sites/{site}/threads/{id}/close {closed: true|false} → 204
  public void closeThread(Context ctx) {
    JsonNode closed = Json.body(ctx.contentType(), ctx.bodyAsBytes()).get("closed");
    if (closed == null || !closed.isBoolean()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'closed' is true or false.");
    actions.closeThread(site(ctx), id(ctx, "id"), closed.asBoolean(), actor(ctx));
    ctx.status(204);
  }

  // GET /api/v1/sites/{site}/audit?before=&limit= → {entries}
  public void audit(Context ctx) {
    ctx.json(Map.of("entries", queues.audit(site(ctx), longParam(ctx, "before"), intParam(ctx, "limit", 50, 1, 200))));
  }

  // POST /api/v1/sites/{site}/audit/{id}/undo → 204, the action is reversed and the undo logged
  public void undo(Context ctx) {
    actions.undo(site(ctx), id(ctx, "id"), actor(ctx));
    ctx.status(204);
  }

  static Actor actor(Context ctx) {
    Principal p = Guard.principal(ctx);
    return new Actor(p.account().id(), p.account().email() == null ? p.account().displayName() : p.account().email());
  }

  private static String site(Context ctx) {
    return ctx.pathParam("site");
  }

  static long id(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.NOT_FOUND);
    }
  }

  static Long longParam(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return null;
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + name + "' is a number.");
    }
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    Long v = longParam(ctx, name);
    if (v == null) return dflt;
    if (v < min || v > max) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + name + "' is " + min + " to " + max + ".");
    return v.intValue();
  }
}
