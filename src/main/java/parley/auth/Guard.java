package parley.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import parley.comment.SignedInReader;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Who is calling, and whether they may. {@link #identify} runs before every request; {@link #moderator} and
 * {@link #admin} wrap handlers of {@code /.../sites/{site}/...} routes. Every state-changing request made with the
 * session cookie must echo the session's CSRF token in {@code X-CSRF-Token} (or a {@code _csrf} form field). A reader
 * signed in inside the widget sends {@code X-Parley-Session} instead: a header no other page can make a browser send,
 * so it needs no CSRF token, and its principal has no roles.
 */
public final class Guard {
  public static final String SSO_HEADER = "X-Parley-SSO";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String SESSION_HEADER = "X-Parley-Session";
  private static final String BY_HEADER = "parley.session-header";
  private final AuthService auth;
  private final SsoService sso;

  public Guard(AuthService auth, SsoService sso) {
    this.auth = auth;
    this.sso = sso;
  }

  // before /api/* and /admin*: session → principal; SSO token or session (+CSRF) → the reader comments are signed by
  public void identify(Context ctx) {
    String widgetToken = ctx.header(SESSION_HEADER);
    String token = SessionCookie.read(ctx);
    Principal p;
    if (widgetToken != null && !widgetToken.isBlank()) {
      p = auth.widgetPrincipal(widgetToken.strip()).orElse(null); // the header wins: the widget asked as this reader
      ctx.attribute(BY_HEADER, Boolean.TRUE);
    } else {
      p = token == null ? null : auth.principal(token).orElse(null);
    }
    if (p != null) ctx.attribute(Principal.ATTRIBUTE, p);
    String ssoToken = ctx.header(SSO_HEADER);
    if (ssoToken != null && !ssoToken.isBlank()) {
      Account a;
      try {
        a = sso.verify(ssoToken.strip());
      } catch (ApiException e) {
        if (isSafe(ctx)) return; // an expired token must not stop anyone reading; posting with it is refused
        throw e;
      }
      ctx.attribute(SignedInReader.ATTRIBUTE, new SignedInReader(a.id(), a.displayName(), a.email()));
    } else if (p != null && (isSafe(ctx) || byHeader(ctx) || csrfMatches(ctx, p))) {
      ctx.attribute(SignedInReader.ATTRIBUTE, new SignedInReader(p.account().id(), p.account().displayName(),
          p.account().email()));
    }
  }

  public Handler moderator(Handler h) {
    return ctx -> {
      require(ctx, ctx.pathParam("site"), Role.MODERATOR);
      h.handle(ctx);
    };
  }

  public Handler admin(Handler h) {
    return ctx -> {
      require(ctx, ctx.pathParam("site"), Role.ADMIN);
      h.handle(ctx);
    };
  }

  /** Any signed-in account (CSRF-checked for changes). */
  public Handler signedIn(Handler h) {
    return ctx -> {
      signedIn(ctx);
      h.handle(ctx);
    };
  }

  public Principal signedIn(Context ctx) {
    Principal p = ctx.attribute(Principal.ATTRIBUTE);
    if (p == null) throw new ApiException(ErrorCode.NOT_SIGNED_IN);
    if (!isSafe(ctx) && !byHeader(ctx) && !csrfMatches(ctx, p)) throw new ApiException(ErrorCode.CSRF_TOKEN_INVALID);
    return p;
  }

  /** The session token of this request when it came in {@value #SESSION_HEADER} (the widget), else null. */
  public static String widgetToken(Context ctx) {
    return byHeader(ctx) ? ctx.header(SESSION_HEADER).strip() : null;
  }

  private static boolean byHeader(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(BY_HEADER));
  }

  public AuthService auth() {
    return auth;
  }

  public Principal require(Context ctx, String siteId, Role role) {
    Principal p = signedIn(ctx);
    if (!p.can(siteId, role)) throw new ApiException(ErrorCode.FORBIDDEN);
    return p;
  }

  public static Principal principal(Context ctx) {
    return ctx.attribute(Principal.ATTRIBUTE);
  }

  public static boolean isSafe(Context ctx) {
    HandlerType m = ctx.method();
    return m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS;
  }

  /** True when the request echoes the session's CSRF token (header, or {@code _csrf} in a form). */
  public static boolean csrfMatches(Context ctx, Principal p) {
    if (p.csrfToken() == null) return false;
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null && isForm(ctx)) sent = ctx.formParam("_csrf");
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        p.csrfToken().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.startsWith("application/x-www-form-urlencoded");
  }
}
