package parley.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.site.Origins;

/**
 * Cross-origin rules: a browser may call the API from an origin that the site allows (or from Parley's own
 * origin). Preflights cannot name the site yet, so they pass when any site allows the origin; each request
 * that then names a site is checked against that site alone by the handler ({@link Origins#requireAllowed}).
 */
public final class Cors {
  private static final String ALLOWED_HEADERS = "Content-Type, X-Parley-Client, X-Edit-Token, X-Parley-SSO, X-CSRF-Token, X-Parley-Session, Idempotency-Key";
  private final Origins origins;

  public Cors(Origins origins) {
    this.origins = origins;
  }

  /** Before every API request: answers preflights and sets the CORS headers for allowed origins. */
  public void before(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origins.isOwn(origin, ctx.scheme() + "://" + ctx.host())) return;
    if (!origins.allowedAnywhere(origin)) throw new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED);
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
}
