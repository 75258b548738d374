package parley.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import parley.limit.TokenBuckets;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;

/** Sign-in, sign-out, registration and SSO sessions as JSON; the dashboard's HTML forms use the same service. */
public final class AuthHandlers {
  private final AuthService auth;
  private final SsoService sso;
  private final Guard guard;
  private final boolean secureCookies;
  private final TokenBuckets<String> signups = new TokenBuckets<>(100_000, Duration.ofMinutes(1));

  public AuthHandlers(AuthService auth, SsoService sso, Guard guard, boolean secureCookies) {
    this.auth = auth;
    this.sso = sso;
    this.guard = guard;
    this.secureCookies = secureCookies;
  }

  // POST /api/v1/auth/login {email, password} → session cookie + {account, roles, csrfToken}
  public void login(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    AuthService.SignedIn s = auth.login(Json.text(body, "email"), Json.text(body, "password"), ctx.ip());
    signedIn(ctx, s, 200);
  }

  // POST /api/v1/auth/register {email, password, name?} → 201, signed in
  public void register(Context ctx) {
    long wait = signups.takeSeconds("register|" + ctx.ip(), 5, Duration.ofMinutes(1));
    if (wait > 0) throw new ApiException(ErrorCode.RATE_LIMITED, "Too many new accounts from here; try again in " + wait + " s.");
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    Account a = auth.register(Json.text(body, "email"), Json.text(body, "password"), Json.text(body, "name"));
    signedIn(ctx, auth.startSession(a), 201);
  }

  // POST /api/v1/auth/sso {token} → a session for the site's signed-in user (moderators who sign in via SSO)
  public void ssoSession(Context ctx) {
    String token = Json.text(Json.body(ctx.contentType(), ctx.bodyAsBytes()), "token");
    if (token == null) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'token' is required.");
    signedIn(ctx, auth.startSession(sso.verify(token)), 200);
  }

  // POST /api/v1/auth/logout (X-CSRF-Token) → 204, session ended
  public void logout(Context ctx) {
    guard.signedIn(ctx);
    auth.logout(SessionCookie.read(ctx));
    SessionCookie.clear(ctx, secureCookies);
    ctx.status(204);
  }

  // GET /api/v1/auth/me → {account, roles, csrfToken} or 401
  public void me(Context ctx) {
    Principal p = guard.signedIn(ctx);
    ctx.json(json(p.account(), p.roles(), p.csrfToken()));
  }

  private void signedIn(Context ctx, AuthService.SignedIn s, int status) {
    SessionCookie.set(ctx, s.sessionToken(), secureCookies);
    ctx.status(status).json(json(s.account(), auth.roles(s.account().id()), s.csrfToken()));
  }

  private static Map<String, Object> json(Account a, Map<String, Role> roles, String csrf) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", a.id());
    account.put("email", a.email());
    account.put("name", a.displayName());
    Map<String, String> r = new LinkedHashMap<>();
    roles.forEach((site, role) -> r.put(site, role.key()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account", account);
    out.put("roles", r);
    out.put("csrfToken", csrf);
    return out;
  }
}
