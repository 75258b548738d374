package parley.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import parley.auth.Guard;
import parley.auth.Principal;
import parley.auth.Profile;
import parley.i18n.Lang;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;
import parley.limit.TokenBuckets;

/**
 * A reader's account in the widget, as JSON. Signed-in calls take the widget session in {@code X-Parley-Session}
 * (see {@link Guard}); a dashboard cookie session works too, with its CSRF token.
 */
public final class AccountHandlers {
  private static final int MAX_FIELD = 1024;
  private final AccountService accounts;
  private final Guard guard;
  private final TokenBuckets<String> limits = new TokenBuckets<>(100_000, Duration.ofHours(1));

  public AccountHandlers(AccountService accounts, Guard guard) {
    this.accounts = accounts;
    this.guard = guard;
  }

  // POST /api/v1/account/signup {email, password, name?} → 201 {token, profile}
  public void signUp(Context ctx) {
    limit("signup|" + ctx.ip(), 20, Duration.ofMinutes(10)); // a newsroom behind one address signs up in bursts
    JsonNode body = body(ctx);
    signedIn(ctx, 201, accounts.signUp(field(body, "email"), field(body, "password"), field(body, "name")));
  }

  // POST /api/v1/account/signin {email, password} → {token, profile}; failures throttled like the dashboard's
  public void signIn(Context ctx) {
    JsonNode body = body(ctx);
    signedIn(ctx, 200, accounts.signIn(field(body, "email"), field(body, "password"), ctx.ip()));
  }

  // POST /api/v1/account/signout (X-Parley-Session) → 204, that session ended
  public void signOut(Context ctx) {
    guard.signedIn(ctx);
    String token = Guard.widgetToken(ctx);
    if (token != null) accounts.signOut(token);
    ctx.status(204);
  }

  // GET /api/v1/account → the profile
  public void profile(Context ctx) {
    ctx.json(profileJson(accounts.profile(guard.signedIn(ctx).account().id())));
  }

  // PATCH /api/v1/account {name?, hue? (0-359 or null: derived), notifyReplies?, site?, lang?} → the profile
  public void update(Context ctx) {
    long id = guard.signedIn(ctx).account().id();
    JsonNode body = body(ctx);
    Long hue = Json.number(body, "hue");
    JsonNode notify = body.get("notifyReplies");
    if (notify != null && !notify.isBoolean()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'notifyReplies' is true or false.");
    boolean clearHue = body.has("hue") && body.get("hue").isNull();
    ctx.json(profileJson(accounts.update(id, field(body, "site"), field(body, "name"),
        hue == null ? null : (int) Math.max(-1, Math.min(360, hue)), clearHue, notify == null ? null : notify.asBoolean(),
        Lang.ofReader(field(body, "lang"), ctx.header("Accept-Language")))));
  }

  // GET /api/v1/account/comments?before=&limit= → {comments: [...], nextBefore}
  public void history(Context ctx) {
    long id = guard.signedIn(ctx).account().id();
    int limit = Math.clamp(longParam(ctx, "limit", 20), 1, 100);
    Long before = ctx.queryParam("before") == null ? null : longParam(ctx, "before", 0);
    var items = accounts.history(id, before, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("comments", items.stream().map(i -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", i.id());
      m.put("site", i.site());
      m.put("page", i.page());
      m.put("url", i.url());
      m.put("title", i.title());
      m.put("state", i.state());
      m.put("html", i.html());
      m.put("createdAt", Instant.ofEpochMilli(i.createdAt()).toString());
      return m;
    }).toList());
    out.put("nextBefore", items.size() == limit ? items.getLast().id() : null);
    ctx.json(out);
  }

  // GET /api/v1/account/export → a JSON file of everything the account holds
  public void export(Context ctx) {
    Principal p = guard.signedIn(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exportedAt", Instant.now().toString());
    out.put("account", profileJson(accounts.profile(p.account().id())));
    out.putAll(accounts.export(p.account().id()));
    ctx.header("Content-Disposition", "attachment; filename=\"parley-account-" + p.account().id() + ".json\"");
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  // DELETE /api/v1/account {password} → {erasedComments}; the account and its sessions are gone
  public void delete(Context ctx) {
    Principal p = guard.signedIn(ctx);
    limit("delete|" + p.account().id(), 5, Duration.ofMinutes(15));
    int erased = accounts.delete(p.account(), field(body(ctx), "password"));
    ctx.json(Map.of("erasedComments", erased));
  }

  // POST /api/v1/account/password-reset {email, site, url, lang?} → 202 whether or not the account exists
  public void requestReset(Context ctx) {
    JsonNode body = body(ctx);
    String email = field(body, "email");
    limit("reset-ip|" + ctx.ip(), 10, Duration.ofHours(1));
    if (email != null) limit("reset-mail|" + email.strip().toLowerCase(java.util.Locale.ROOT), 3, Duration.ofHours(1));
    accounts.requestReset(email, field(body, "site"), field(body, "url"),
        Lang.ofReader(field(body, "lang"), ctx.header("Accept-Language")));
    ctx.status(202).json(Map.of("sent", true));
  }

  // POST /api/v1/account/password-reset/confirm {token, password} → {token, profile}: signed in, other sessions ended
  public void confirmReset(Context ctx) {
    limit("reset-confirm|" + ctx.ip(), 20, Duration.ofHours(1));
    JsonNode body = body(ctx);
    signedIn(ctx, 200, accounts.confirmReset(field(body, "token"), field(body, "password")));
  }

  private void limit(String key, int capacity, Duration period) {
    long wait = limits.takeSeconds(key, capacity, period);
    if (wait > 0) throw new ApiException(ErrorCode.RATE_LIMITED, "Too many attempts; try again in " + wait + " s.");
  }

  private static JsonNode body(Context ctx) {
    return Json.body(ctx.contentType(), ctx.bodyAsBytes());
  }

  private static String field(JsonNode body, String name) {
    String v = Json.text(body, name);
    if (v != null && v.length() > MAX_FIELD) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + name + "' is too long.");
    return v;
  }

  private static long longParam(Context ctx, String name, long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) return fallback;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + name + "' must be a whole number.");
    }
  }

  private static void signedIn(Context ctx, int status, AccountService.Session s) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).json(Map.of("token", s.token(), "profile", profileJson(s.profile())));
  }

  static Map<String, Object> profileJson(Profile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("email", p.email());
    m.put("name", p.name());
    m.put("hue", p.hue());
    m.put("notifyReplies", p.notifyReplies());
    m.put("createdAt", p.createdAt().toString());
    return m;
  }
}
