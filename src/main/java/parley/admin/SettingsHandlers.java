package parley.admin;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import parley.auth.Account;
import parley.analysis.ApiKeys;
import parley.auth.AuthService;
import parley.auth.Role;
import parley.auth.SsoService;
import parley.classify.Category;
import parley.moderation.ModerationService;
import parley.moderation.Policy;
import parley.moderation.TrustPolicy;
import parley.kit.ApiException;
import parley.moderation.queue.ThreadMoves;
import parley.site.SiteService;

/** The dashboard's settings page for admins: policy, word lists, members, SSO secret (HTML forms with _csrf). */
public final class SettingsHandlers {
  private final DashboardHandlers dashboard;
  private final ModerationService moderation;
  private final AuthService accounts;
  private final SsoService sso;
  private final ApiKeys apiKeys;
  private final ThreadMoves moves;
  private final SiteService sites;

  public SettingsHandlers(DashboardHandlers dashboard, ModerationService moderation, AuthService accounts,
      SsoService sso, ApiKeys apiKeys, ThreadMoves moves, SiteService sites) {
    this.apiKeys = apiKeys;
    this.moves = moves;
    this.sites = sites;
    this.dashboard = dashboard;
    this.moderation = moderation;
    this.accounts = accounts;
    this.sso = sso;
  }

  /** The installation's Perspective API keys: admins see what Coral and other clients use. */
  private List<Pages.ApiKeyUsage> apiKeys() {
    return apiKeys.all().stream().map(u -> new Pages.ApiKeyUsage(u.key().name(), u.key().prefix(),
        u.key().qps(), u.key().active(), u.key().created().toString().substring(0, 10),
        u.usage().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))))
        .toList();
  }

  // GET /admin/{site}/settings → policy, word lists, members and SSO forms
  public void show(Context ctx) {
    show(ctx, 200, null, null);
  }

  private void show(Context ctx, int status, String message, String secret) {
    String site = ctx.pathParam("site");
    DashboardHandlers.render(ctx, status, "settings.jte", new Pages.SettingsPage(dashboard.nav(ctx, site, "settings"),
        moderation.policy(site), accounts.members(site), sso.hasSecret(site), message, secret, apiKeys(),
        sites.find(site).map(s -> String.join(" ", s.pageParams().stream().sorted().toList())).orElse("")));
  }

  // POST /admin/{site}/settings (form) → the policy saved, or the form with what was wrong
  public void savePolicy(Context ctx) {
    try {
      String site = ctx.pathParam("site");
      moderation.updatePolicy(site, fromForm(ctx).withTrust(trustFromForm(ctx, moderation.policy(site).trust())));
      show(ctx, 200, say(ctx, "settings.saved"), null);
    } catch (ApiException | NumberFormatException e) {
      show(ctx, 400, say(ctx, "settings.notSaved", e instanceof ApiException ? e.getMessage()
          : say(ctx, "settings.notANumber")), null);
    }
  }

  static Policy fromForm(Context ctx) {
    Map<Category, Policy.Threshold> thresholds = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      thresholds.put(c, new Policy.Threshold(Double.parseDouble(ctx.formParam("hold_" + c.key())),
          Double.parseDouble(ctx.formParam("reject_" + c.key()))));
    }
    Policy.Mode mode;
    try {
      mode = Policy.Mode.valueOf(ctx.formParam("mode"));
    } catch (IllegalArgumentException | NullPointerException e) {
      mode = null;
    }
    return new Policy(mode, Integer.parseInt(ctx.formParam("trustedAfter")), thresholds,
        lines(ctx.formParam("bannedWords")), lines(ctx.formParam("suspectWords")),
        Integer.parseInt(ctx.formParam("maxLinks")), ctx.formParam("holdDuplicates") != null,
        Integer.parseInt(ctx.formParam("userPostsPerMinute")), Integer.parseInt(ctx.formParam("ipPostsPerMinute")),
        Integer.parseInt(ctx.formParam("reportsToQueue")), ctx.formParam("requireAccount") != null);
  }

  /** The trust fields of the form; a form without them (an older page) keeps {@code stored}. */
  static TrustPolicy trustFromForm(Context ctx, TrustPolicy stored) {
    if (ctx.formParam("trust.trustedAt") == null) return stored;
    String note = ctx.formParam("trust.appealNote");
    return new TrustPolicy(Integer.parseInt(ctx.formParam("trust.publishedWeight")),
        Integer.parseInt(ctx.formParam("trust.rejectedWeight")),
        Integer.parseInt(ctx.formParam("trust.upheldReportWeight")),
        Integer.parseInt(ctx.formParam("trust.trustedAt")), Integer.parseInt(ctx.formParam("trust.lowAt")),
        ctx.formParam("trust.trustedSkipPremoderation") != null, ctx.formParam("trust.lowTrustHeld") != null,
        note == null || note.isBlank() ? null : note.strip());
  }

  private static List<String> lines(String text) {
    if (text == null) return List.of();
    return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  // POST /admin/{site}/members (form: email, role: admin|moderator|none) → the settings page
  public void setMember(Context ctx) {
    String site = ctx.pathParam("site");
    Account a = accounts.findLocal(String.valueOf(ctx.formParam("email"))).orElse(null);
    String role = String.valueOf(ctx.formParam("role"));
    if (a == null) {
      show(ctx, 400, say(ctx, "settings.noAccount"), null);
    } else if (role.equals("none")) {
      accounts.revoke(a.id(), site);
      show(ctx, 200, say(ctx, "settings.roleRemoved", a.email()), null);
    } else if (role.equals("admin") || role.equals("moderator")) {
      accounts.grant(a.id(), site, Role.fromKey(role));
      show(ctx, 200, say(ctx, "settings.roleGranted", a.email(), say(ctx, "settings.role." + role)), null);
    } else {
      show(ctx, 400, say(ctx, "settings.pickRole"), null);
    }
  }

  // POST /admin/{site}/sso-secret → a new SSO secret, shown once
  public void rotateSecret(Context ctx) {
    show(ctx, 200, say(ctx, "settings.ssoMade"), sso.rotateSecret(ctx.pathParam("site")));
  }

  // POST /admin/{site}/threads/move (form: from, to: URLs or ids) → the settings page saying what moved where
  public void moveThread(Context ctx) {
    try {
      var account = parley.auth.Guard.principal(ctx).account();
      ThreadMoves.Moved m = moves.moveByKey(ctx.pathParam("site"), ctx.formParam("from"), ctx.formParam("to"),
          new parley.moderation.queue.ModeratorActions.Actor(account.id(),
              account.email() == null ? account.displayName() : account.email()));
      show(ctx, 200, say(ctx, m.merged() ? "settings.merged" : "settings.moved", m.pageKey()), null);
    } catch (ApiException e) {
      show(ctx, e.code().status(), say(ctx, "settings.notMoved", e.getMessage()), null);
    }
  }

  // POST /admin/{site}/page-params (form: params, space- or comma-separated) → the settings page
  public void savePageParams(Context ctx) {
    var params = java.util.Set.copyOf(lines(String.valueOf(ctx.formParam("params")).replace(' ', ',')));
    if (params.stream().anyMatch(p -> !p.matches("[A-Za-z0-9_.\\-\\[\\]]{1,64}"))) {
      show(ctx, 400, say(ctx, "settings.badParams"), null);
      return;
    }
    sites.setPageParams(ctx.pathParam("site"), params);
    show(ctx, 200, say(ctx, params.isEmpty() ? "settings.noParams" : "settings.paramsSaved"), null);
  }

  /** A message in the dashboard language of this request. */
  private static String say(Context ctx, String key, Object... args) {
    return LanguageMenuHandlers.of(ctx).get(key, args);
  }
}
