package parley.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.auth.AuthService;
import parley.auth.Guard;
import parley.auth.Principal;
import parley.auth.Role;
import parley.auth.SessionCookie;
import parley.moderation.ModerationService;
import parley.moderation.Policy;
import parley.moderation.queue.Queue;
import parley.moderation.queue.QueueItem;
import parley.moderation.queue.QueueService;
import parley.moderation.words.WordMatcher;
import parley.kit.ApiException;

/**
 * The server-rendered dashboard at {@code /admin}: sign-in, queues, audit log. Pages render precompiled jte
 * templates; actions on a page go to the JSON API with the page's CSRF token. Settings live in {@link SettingsHandlers}.
 */
public final class DashboardHandlers {
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
  private final AuthService auth;
  private final QueueService queues;
  private final ModerationService moderation;
  private final boolean secureCookies;

  public DashboardHandlers(AuthService auth, QueueService queues, ModerationService moderation, boolean secureCookies) {
    this.auth = auth;
    this.queues = queues;
    this.moderation = moderation;
    this.secureCookies = secureCookies;
  }

  // GET /admin → the first site's pending queue, or the sign-in page
  public void home(Context ctx) {
    Principal p = Guard.principal(ctx);
    if (p == null) {
      ctx.redirect("/admin/login");
    } else if (!p.isStaff()) {
      render(ctx, 403, "error.jte", new Pages.ErrorPage("error.noSites.title", "error.noSites.message"));
    } else {
      ctx.redirect("/admin/" + p.roles().keySet().iterator().next() + "/queue/pending");
    }
  }

  // GET /admin/login → the sign-in form
  public void loginForm(Context ctx) {
    render(ctx, 200, "login.jte", new Pages.Login("", null));
  }

  // POST /admin/login (form: email, password) → session cookie and redirect, or the form with an error
  public void login(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equalsIgnoreCase(ctx.scheme() + "://" + ctx.host())) {
      // another site's form must not sign a visitor into an account of its choosing (login CSRF)
      render(ctx, 403, "error.jte", new Pages.ErrorPage("error.notAllowed.title", "error.notAllowed.ownSite"));
      return;
    }
    String email = ctx.formParam("email");
    try {
      AuthService.SignedIn s = auth.login(email, ctx.formParam("password"), ctx.ip());
      SessionCookie.set(ctx, s.sessionToken(), secureCookies);
      ctx.redirect("/admin");
    } catch (ApiException e) {
      render(ctx, e.code().status(), "login.jte", new Pages.Login(email == null ? "" : email, e.getMessage()));
    }
  }

  // POST /admin/logout (form: _csrf) → session ended, back to sign-in
  public void logout(Context ctx) {
    auth.logout(SessionCookie.read(ctx));
    SessionCookie.clear(ctx, secureCookies);
    ctx.redirect("/admin/login");
  }

  // GET /admin/{site}/queue/{queue}?before= → a page of comments with scores, context and author history
  public void queue(Context ctx) {
    Queue q = Queue.parse(ctx.pathParam("queue"));
    if (q == null) {
      render(ctx, 404, "error.jte", new Pages.ErrorPage("error.noQueue.title", "error.noQueue.message"));
      return;
    }
    String site = ctx.pathParam("site");
    String before = ctx.queryParam("before");
    List<QueueItem> items = queues.list(site, q, cursor(before), 25);
    Policy policy = moderation.policy(site);
    WordMatcher words = new WordMatcher(concat(policy.bannedWords(), policy.suspectWords()));
    List<Card> cards = new ArrayList<>();
    for (QueueItem item : items) cards.add(card(item, policy, words));
    render(ctx, 200, "queue.jte", new Pages.QueuePage(nav(ctx, site, q.key()), q.key(), cards,
        items.size() == 25 ? items.getLast().id() : null));
  }

  // GET /admin/{site}/cards/{id} → one queue card's HTML, for the live queue to insert (COMMENT_NOT_FOUND otherwise)
  public void card(Context ctx) {
    String site = ctx.pathParam("site");
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(parley.kit.ErrorCode.COMMENT_NOT_FOUND);
    }
    QueueItem item = queues.detail(site, id).comment();
    Policy policy = moderation.policy(site);
    render(ctx, 200, "card.jte", card(item, policy, new WordMatcher(concat(policy.bannedWords(), policy.suspectWords()))));
  }

  private Card card(QueueItem item, Policy policy, WordMatcher words) {
    QueueService.Detail d = queues.detail(item);
    return new Card(item, Highlight.segments(item.body(), item.scores(), words.find(item.body())),
        Card.scores(item.scores(), policy), item.moderation() == null ? "" : item.moderation().path("verdict").asText(),
        Card.reasons(item.moderation()), d.authorCounts(), d.authorRecent(), d.reports(), d.authorTrust());
  }

  // GET /admin/{site}/audit?before= → the audit log with undo buttons
  public void audit(Context ctx) {
    String site = ctx.pathParam("site");
    String before = ctx.queryParam("before");
    var entries = queues.audit(site, cursor(before), 50);
    render(ctx, 200, "audit.jte", new Pages.AuditPage(nav(ctx, site, "audit"), entries,
        entries.size() == 50 ? entries.getLast().id() : null));
  }

  /** Wraps a page: signed out → sign-in page; no role on the site → a 403 page. */
  public Handler page(Role role, Handler h) {
    return ctx -> {
      Principal p = Guard.principal(ctx);
      if (p == null) {
        ctx.redirect("/admin/login");
      } else if (!Guard.isSafe(ctx) && !Guard.csrfMatches(ctx, p)) {
        render(ctx, 403, "error.jte", new Pages.ErrorPage("error.expired.title", "error.expired.message"));
      } else if (!p.can(ctx.pathParam("site"), role)) {
        render(ctx, 403, "error.jte", new Pages.ErrorPage("error.notAllowed.title",
            "You need the " + role.key() + " role on '" + ctx.pathParam("site") + "' for this page."));
      } else {
        h.handle(ctx);
      }
    };
  }

  Nav nav(Context ctx, String site, String active) {
    Principal p = Guard.principal(ctx);
    Map<String, Integer> counts = new LinkedHashMap<>();
    queues.counts(site).forEach((q, n) -> counts.put(q.key(), n));
    String user = p.account().email() == null ? p.account().displayName() : p.account().email();
    return new Nav(site, List.copyOf(p.roles().keySet()), active, counts, user, p.account().id(), p.can(site, Role.ADMIN),
        p.csrfToken());
  }

  private static Long cursor(String before) {
    try {
      return before == null || before.isBlank() ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      return null; // a mangled link shows the newest page
    }
  }

  static void render(Context ctx, int status, String template, Object page) {
    StringOutput out = new StringOutput();
    // the page goes in as the template's one other param (getParamInfo is unordered); templates that declare no "t" ignore it and stay English
    String name = TEMPLATES.getParamInfo(template).keySet().stream().filter(k -> !k.equals("t")).findFirst().orElseThrow();
    TEMPLATES.render(template, Map.of(name, page, "t", LanguageMenuHandlers.of(ctx)), out);
    ctx.status(status).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'").html(out.toString());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
