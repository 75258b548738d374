package parley.web;

import parley.kit.ApiException;
import parley.kit.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import parley.site.Site;
import parley.site.SiteService;

/**
 * Cross-origin rules: a browser may call the API from an origin that the site allows (or from Parley's own
 * origin). Preflights cannot name the site yet, so they pass when any site allows the origin; each request
 * that then names a site is checked against that site alone by {@link #requireAllowed}.
 */
public final class Cors {
  private static final String ALLOWED_HEADERS = "Content-Type, X-Parley-Client, X-Edit-Token, X-Parley-SSO, X-CSRF-Token, Idempotency-Key";
  private final SiteService sites;
  private final String publicOrigin;

  public Cors(SiteService sites, String publicUrl) {
    this.sites = sites;
    this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : originOf(publicUrl);
  }

  /** Before every API request: answers preflights and sets the CORS headers for allowed origins. */
  public void before(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || isOwn(ctx, origin)) return;
    if (!sites.allowedAnywhere(origin)) throw new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED);
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
    if (ctx.method() == HandlerType.OPTIONS) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }

  /** Refuses a cross-origin request that {@code siteId} does not allow. */
  public void requireAllowed(Context ctx, String siteId) {
    String origin = ctx.header("Origin");
    if (origin == null || isOwn(ctx, origin)) return;
    Site site = sites.find(siteId).orElse(null);
    if (site != null && !site.allowsOrigin(origin)) throw new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED);
  }

  private boolean isOwn(Context ctx, String origin) {
    return origin.equalsIgnoreCase(ctx.scheme() + "://" + ctx.host()) || origin.equalsIgnoreCase(publicOrigin);
  }

  static String originOf(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
