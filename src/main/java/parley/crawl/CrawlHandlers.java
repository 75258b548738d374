package parley.crawl;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import parley.comment.CommentService;
import parley.comment.LatestComments;
import parley.comment.Sort;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.HttpCaching;
import parley.site.Site;
import parley.site.SiteService;
import parley.thread.CommentThread;

/**
 * Threads for crawlers, feed readers and browsers without JavaScript: HTML with microdata and Atom feeds. Everything
 * here is what an anonymous reader sees (published comments only), so it is public and cacheable like the JSON.
 */
public final class CrawlHandlers {
  /** Top-level comments per HTML page; their replies come along. */
  private static final int HTML_PAGE = 50;
  private static final String CACHE = "public, max-age=60";
  private static final String ATOM = "application/atom+xml; charset=utf-8";

  private final CommentService comments;
  private final LatestComments latest;
  private final SiteService sites;
  private final String publicUrl;

  /** {@code publicUrl}: Parley's own public URL for links in feeds; null to use the request's host. */
  public CrawlHandlers(CommentService comments, LatestComments latest, SiteService sites, String publicUrl) {
    this.comments = comments;
    this.latest = latest;
    this.sites = sites;
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
  }

  // GET /api/v1/threads.html?site=&page=&cursor= → the thread as an HTML fragment with schema.org Comment microdata
  public void html(Context ctx) {
    String site = ctx.queryParam("site");
    String page = ctx.queryParam("page");
    var thread = comments.thread(site, page, Sort.OLDEST, ctx.queryParam("cursor"), HTML_PAGE, null);
    String next = thread.nextCursor() == null ? null : htmlUrl(ctx, site, page) + "&cursor=" + enc(thread.nextCursor());
    // a fragment opened directly runs nothing: bodies are sanitized, and this says so again to the browser
    ctx.header("Content-Security-Policy", "default-src 'none'");
    send(ctx, "text/html; charset=utf-8", ThreadHtml.render(thread, next));
  }

  // GET /api/v1/feeds/thread.atom?site=&page= → Atom feed of the thread's newest published comments (at most 50)
  public void threadFeed(Context ctx) {
    String site = ctx.queryParam("site");
    String page = ctx.queryParam("page");
    CommentThread t = comments.threadFor(site, page).orElseThrow(() -> new ApiException(ErrorCode.THREAD_NOT_FOUND));
    var head = new AtomFeed.Head(AtomFeed.threadId(site, t.id()),
        "Comments on " + (t.title() == null ? t.pageKey() : t.title()), base(ctx) + "/api/v1/feeds/thread.atom?site="
        + enc(site) + "&page=" + enc(t.pageKey()), AtomFeed.isWebUrl(t.url()) ? t.url() : htmlUrl(ctx, site, t.pageKey()),
        t.createdAt());
    send(ctx, ATOM, AtomFeed.write(head, site, latest.ofThread(site, t.id()), e -> htmlUrl(ctx, site, e.pageKey())));
  }

  // GET /api/v1/feeds/site.atom?site= → Atom feed of the site's newest published comments (at most 50)
  public void siteFeed(Context ctx) {
    String siteId = ctx.queryParam("site");
    if (siteId == null || siteId.isBlank()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'site' is required.");
    Site site = sites.find(siteId).orElseThrow(() -> new ApiException(ErrorCode.SITE_NOT_FOUND));
    var entries = latest.ofSite(siteId);
    var head = new AtomFeed.Head(AtomFeed.siteId(siteId), "Comments on " + site.name(),
        base(ctx) + "/api/v1/feeds/site.atom?site=" + enc(siteId), null, site.createdAt());
    send(ctx, ATOM, AtomFeed.write(head, siteId, entries, e -> htmlUrl(ctx, siteId, e.pageKey())));
  }

  private String htmlUrl(Context ctx, String site, String page) {
    return base(ctx) + "/api/v1/threads.html?site=" + enc(site) + "&page=" + enc(page);
  }

  private String base(Context ctx) {
    return publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host();
  }

  private static void send(Context ctx, String type, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String etag = HttpCaching.etag(bytes);
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", CACHE);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(type).result(bytes);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
