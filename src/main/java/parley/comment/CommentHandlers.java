package parley.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.site.Origins;
import parley.comment.CommentService.ThreadPage;
import parley.thread.CommentThread;
import parley.kit.ApiException;
import parley.kit.HttpCaching;
import parley.kit.ErrorCode;
import parley.kit.Json;

/** HTTP handlers for threads, comments and votes: parse, call {@link CommentService}, answer JSON. */
public final class CommentHandlers {
  static final String CLIENT_HEADER = "X-Parley-Client";
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private final CommentService service;
  private final ThreadReads reads;
  private final Origins origins;

  public CommentHandlers(CommentService service, ThreadReads reads, Origins origins) {
    this.service = service;
    this.reads = reads;
    this.origins = origins;
  }

  // GET /api/v1/threads?site=&page=&sort=&limit=&cursor= → one page of the thread as a tree
  public void thread(Context ctx) {
    String site = ctx.queryParam("site");
    requireAllowed(ctx, site);
    String sortName = ctx.queryParam("sort");
    Sort sort = sortName == null ? Sort.OLDEST : Sort.parse(sortName);
    if (sort == null) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'sort' is one of oldest, newest, top.");
    var page = reads.read(site, ctx.queryParam("page"), sort, ctx.queryParam("cursor"), limit(ctx),
        ctx.header(CLIENT_HEADER));
    boolean anonymous = ctx.header(CLIENT_HEADER) == null && ctx.attribute(SignedInReader.ATTRIBUTE) == null;
    send(ctx, HttpCaching.json(page.json(), page.gzipped(), page.etag(), ctx.header("If-None-Match"),
        ctx.header("Accept-Encoding"), anonymous));
  }

  // GET /api/v1/threads/{id} → the thread's details and published count
  public void threadById(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.THREAD_NOT_FOUND);
    }
    ThreadPage page = service.threadInfo(id);
    requireAllowed(ctx, page.thread().siteId());
    ctx.json(Map.of("thread", threadJson(page.thread(), page.commentCount())));
  }

  // GET /api/v1/counts?site=&page=a&page=b → published comments per page
  public void counts(Context ctx) {
    String site = ctx.queryParam("site");
    requireAllowed(ctx, site);
    List<String> pages = ctx.queryParams("page");
    if (pages.size() > 200) throw new ApiException(ErrorCode.VALIDATION_FAILED, "At most 200 pages per request.");
    ctx.json(Map.of("counts", service.counts(site, pages)));
  }

  // POST /api/v1/comments {site, page, url?, title?, parentId?, author?, email?, body} (Idempotency-Key?) → 201 comment + edit token
  public void post(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String site = Json.text(body, "site");
    requireAllowed(ctx, site);
    SignedInReader reader = ctx.attribute(SignedInReader.ATTRIBUTE);
    CommentService posting = Boolean.TRUE.equals(ctx.attribute(Honeypot.ATTRIBUTE))
        ? service.withArrivalCheck(Honeypot.REJECT) : service;
    var posted = posting.post(new CommentService.PostRequest(site, Json.text(body, "page"), Json.text(body, "url"),
        Json.text(body, "title"), Json.number(body, "parentId"),
        reader == null ? Json.text(body, "author") : reader.name(),
        reader == null ? Json.text(body, "email") : reader.email(),
        Json.text(body, "body"), ctx.header(CLIENT_HEADER), reader == null ? null : reader.accountId(), ctx.ip(),
        ctx.header("Idempotency-Key")));
    if (posted.replayed()) ctx.header("Idempotency-Replayed", "true");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("comment", service.ownView(site, posted.comment()));
    out.put("editToken", posted.editToken());
    out.put("editableUntil", posted.editableUntil());
    ctx.status(201).json(out);
  }

  // PATCH /api/v1/comments/{id} {body, editToken} → the edited comment
  public void edit(Context ctx) {
    long id = commentId(ctx);
    String site = service.siteOf(id);
    requireAllowed(ctx, site);
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String token = Json.text(body, "editToken");
    if (token == null) token = ctx.header("X-Edit-Token");
    Comment c = service.edit(id, token, Json.text(body, "body"));
    ctx.json(Map.of("comment", service.ownView(site, c)));
  }

  // DELETE /api/v1/comments/{id} (X-Edit-Token header) → the comment, now a placeholder
  public void delete(Context ctx) {
    long id = commentId(ctx);
    String site = service.siteOf(id);
    requireAllowed(ctx, site);
    Comment c = service.delete(id, ctx.header("X-Edit-Token"));
    ctx.json(Map.of("comment", service.ownView(site, c)));
  }

  // POST /api/v1/comments/{id}/vote {value: 1|-1} → new totals
  public void vote(Context ctx) {
    long id = commentId(ctx);
    requireAllowed(ctx, service.siteOf(id));
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    SignedInReader reader = ctx.attribute(SignedInReader.ATTRIBUTE);
    ctx.json(service.vote(id, ctx.header(CLIENT_HEADER), Json.number(body, "value"),
        reader == null ? null : reader.accountId(), ctx.ip()));
  }

  static Map<String, Object> threadJson(CommentThread t, int count) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("site", t.siteId());
    out.put("page", t.pageKey());
    out.put("url", t.url());
    out.put("title", t.title());
    out.put("closed", t.closedAt(java.time.Instant.now()));
    // a cached page outlives the closing time, so the widget compares closesAt itself
    out.put("closesAt", t.effective().closesAt());
    out.put("notice", t.effective().notice());
    out.put("qa", t.effective().qa());
    out.put("createdAt", t.createdAt());
    out.put("commentCount", count);
    return out;
  }

  private static long commentId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.COMMENT_NOT_FOUND);
    }
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) return DEFAULT_LIMIT;
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= MAX_LIMIT) return limit;
    } catch (NumberFormatException ignored) {
      // fall through to the refusal
    }
    throw new ApiException(ErrorCode.VALIDATION_FAILED, "'limit' is a number from 1 to " + MAX_LIMIT + ".");
  }

  private void requireAllowed(Context ctx, String siteId) {
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), siteId);
  }

  private static void cached(Context ctx, Object body, boolean anonymous) {
    send(ctx, HttpCaching.json(body, ctx.header("If-None-Match"), anonymous));
  }

  private static void send(Context ctx, HttpCaching.Answer a) {
    ctx.header("ETag", a.etag());
    ctx.header("Vary", HttpCaching.VARY);
    ctx.header("Cache-Control", a.cacheControl());
    if (a.notModified()) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json");
    // an answer already gzipped is sent as is (Javalin leaves an encoded answer alone)
    if (a.contentEncoding() != null) ctx.header("Content-Encoding", a.contentEncoding());
    ctx.result(a.body());
  }

}
