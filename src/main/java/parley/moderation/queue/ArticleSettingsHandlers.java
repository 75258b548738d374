package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import parley.auth.Guard;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;
import parley.moderation.queue.ArticleSettings.Change;
import parley.thread.ArticleDefaults;
import parley.thread.Toggle;

/** Per-article settings as JSON; every route is wrapped by {@link Guard#moderator}, which checks role and CSRF. */
public final class ArticleSettingsHandlers {
  static final int MAX_DAYS = 3650;
  private final ArticleSettings settings;
  private final ThreadMoves moves;

  public ArticleSettingsHandlers(ArticleSettings settings, ThreadMoves moves) {
    this.settings = settings;
    this.moves = moves;
  }

  // POST /api/v1/sites/{site}/threads/{id}/move {page} (admins) → {threadId, pageKey, merged, auditId}
  public void move(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String page = ThreadMoves.key(Json.text(body, "page"), "page");
    ctx.json(moves.move(ctx.pathParam("site"), QueueHandlers.id(ctx, "id"), page, QueueHandlers.actor(ctx)));
  }

  // GET /api/v1/sites/{site}/article-defaults (admins) → {premoderate, closeAfterDays, notice, qa}
  public void defaults(Context ctx) {
    ctx.json(ArticleSettings.json(settings.defaults(ctx.pathParam("site"))));
  }

  // PUT /api/v1/sites/{site}/article-defaults (admins) {premoderate?, closeAfterDays?, notice?, qa?} → the defaults
  public void updateDefaults(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    Change c = change(body);
    if (c.closesAt() != null || c.keepOpen()) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "Site defaults take 'closeAfterDays', not 'closesAt' or 'keepOpen'.");
    }
    var saved = settings.setDefaults(ctx.pathParam("site"), new ArticleDefaults(c.premoderate() == Toggle.ON,
        c.closeAfterDays(), c.notice(), c.qa() == Toggle.ON), QueueHandlers.actor(ctx));
    ctx.json(ArticleSettings.json(saved));
  }

  // GET /api/v1/sites/{site}/threads/{id}/settings → {premoderate, notice, closesAt, qa, effective{…, sources}, siteDefaults}
  public void show(Context ctx) {
    ctx.json(ArticleSettings.json(settings.get(ctx.pathParam("site"), QueueHandlers.id(ctx, "id"))));
  }

  // PUT /api/v1/sites/{site}/threads/{id}/settings {premoderate?, notice?, closesAt? | closeAfterDays? | keepOpen?, qa?}
  //   → the settings; premoderate and qa: true, false, or null/left out to follow the site
  public void update(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    var saved = settings.set(ctx.pathParam("site"), QueueHandlers.id(ctx, "id"), change(body), QueueHandlers.actor(ctx));
    ctx.json(ArticleSettings.json(saved));
  }

  /** The whole settings are replaced: a field left out goes back to following the site (or off, none, never for it). */
  static Change change(JsonNode body) {
    Toggle pre = Toggle.of(flag(body, "premoderate")), qa = Toggle.of(flag(body, "qa"));
    Boolean keepOpen = flag(body, "keepOpen");
    Long days = Json.number(body, "closeAfterDays");
    String at = Json.text(body, "closesAt");
    if (days != null && at != null) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "Give 'closesAt' or 'closeAfterDays', not both.");
    }
    if (days != null && (days < 0 || days > MAX_DAYS)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'closeAfterDays' is 0 to " + MAX_DAYS + ".");
    }
    return new Change(pre, Json.text(body, "notice"), instant(at), days == null ? null : days.intValue(),
        Boolean.TRUE.equals(keepOpen), qa);
  }

  /** A true/false field, or null where it is left out or null. */
  private static Boolean flag(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) return null;
    if (!value.isBoolean()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + field + "' is true or false.");
    return value.asBoolean();
  }

  private static Instant instant(String raw) {
    if (raw == null || raw.isBlank()) return null;
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'closesAt' is an ISO-8601 instant, e.g. 2026-12-31T18:00:00Z.");
    }
  }
}
