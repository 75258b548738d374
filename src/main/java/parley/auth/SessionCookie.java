package parley.auth;

import io.javalin.http.Context;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms and fetches do not carry
 * it), Secure whenever Parley is reached over HTTPS, Path=/ and a 14-day lifetime.
 */
public final class SessionCookie {
  public static final String NAME = "parley_session";

  private SessionCookie() {}

  public static void set(Context ctx, String token, boolean forceSecure) {
    ctx.res().addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Max-Age=" + AuthService.SESSION_TTL.toSeconds()
        + "; HttpOnly; SameSite=Lax" + (forceSecure || isHttps(ctx) ? "; Secure" : ""));
  }

  public static void clear(Context ctx, boolean forceSecure) {
    ctx.res().addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        + (forceSecure || isHttps(ctx) ? "; Secure" : ""));
  }

  public static String read(Context ctx) {
    return ctx.cookie(NAME);
  }

  private static boolean isHttps(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }
}
