package parley.live;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import parley.comment.CommentService;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.site.Origins;
import parley.site.SiteService;

/**
 * The two event streams (Server-Sent Events): a page's readers hear of newly published comments, a site's
 * moderators of queue changes and claims. Moderators' routes are wrapped by the Guard like every moderator route.
 */
public final class LiveHandlers {
  private final LiveHub hub;
  private final SiteService sites;
  private final Origins origins;
  private final CommentService comments;

  public LiveHandlers(LiveHub hub, SiteService sites, Origins origins, CommentService comments) {
    this.comments = comments;
    this.hub = hub;
    this.sites = sites;
    this.origins = origins;
  }

  // GET /api/v1/live?site=&page= (Accept: text/event-stream) → events "published" {id}; Last-Event-ID resumes
  public void readers(Context ctx) {
    String site = ctx.queryParam("site");
    if (site == null || site.isBlank()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'site' is required.");
    if (sites.find(site).isEmpty()) throw new ApiException(ErrorCode.SITE_NOT_FOUND, "No site '" + site + "'.");
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), site);
    stream(ctx, Topic.readers(site, comments.storedKey(site, ctx.queryParam("page")))); // the thread's stored key
  }

  // GET /api/v1/sites/{site}/live (moderators) → "hello" {counts, claims}, then queued/reported/resolved/claimed/released
  public void moderators(Context ctx) {
    stream(ctx, Topic.moderators(ctx.pathParam("site")));
  }

  private void stream(Context ctx, Topic topic) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "This is an event stream: send Accept: text/event-stream.");
    }
    Long lastEventId = lastEventId(ctx.header("Last-Event-ID"));
    String address = ctx.ip();
    try {
      hub.reserve(address);
    } catch (ApiException e) {
      ctx.header("Retry-After", "60");
      throw e;
    }
    try {
      new SseHandler(client -> {
        Runnable leave = hub.join(topic, address, sink(client), lastEventId);
        client.onClose(leave);
        client.keepAlive();
      }).handle(ctx);
    } catch (RuntimeException e) {
      hub.release(address);
      throw e;
    }
  }

  /** A missing or mangled Last-Event-ID starts from now (events are hints; the thread itself is the truth). */
  private static Long lastEventId(String header) {
    if (header == null || header.isBlank() || header.length() > 19) return null;
    try {
      long id = Long.parseLong(header.strip());
      return id >= 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Sink sink(SseClient client) {
    return Sink.of((name, data, id) -> {
      client.sendEvent(name, data, id);
      return !client.terminated();
    }, text -> {
      client.sendComment(text);
      return !client.terminated();
    }, client::close);
  }
}
