package parley.web;

import io.javalin.config.RoutesConfig;
import parley.admin.DashboardHandlers;
import parley.admin.LanguageMenuHandlers;
import parley.admin.ImportPageHandlers;
import parley.admin.SettingsHandlers;
import parley.admin.SiteAdminHandlers;
import parley.admin.UserPageHandlers;
import parley.admin.WebhookPageHandlers;
import parley.account.AccountHandlers;
import parley.auth.AuthHandlers;
import parley.auth.Guard;
import parley.analysis.AnalysisHandlers;
import parley.auth.Role;
import parley.comment.CommentHandlers;
import parley.crawl.CrawlHandlers;
import parley.admin.DefencePageHandlers;
import parley.defence.DefenceHandlers;
import parley.importing.ImportHandlers;
import parley.live.LiveHandlers;
import parley.moderation.queue.ArticleSettingsHandlers;
import parley.moderation.queue.AuthorHandlers;
import parley.moderation.queue.QueueHandlers;
import parley.moderation.queue.ReaderHandlers;
import parley.notify.NotifyHandlers;
import parley.webhook.WebhookHandlers;

/** The whole HTTP API on one screen, grouped by who may call it. */
public final class Routes {
  private Routes() {}

  /** The moderation feature's handlers. */
  public record Moderation(Guard guard, AuthHandlers auth, ReaderHandlers readers, QueueHandlers queues,
      SiteAdminHandlers sites, DashboardHandlers dashboard, SettingsHandlers settings, ImportPageHandlers importPage,
      LiveHandlers live, ArticleSettingsHandlers articles, AuthorHandlers authors, UserPageHandlers users,
      parley.admin.ArticlePageHandlers articlePages) {}

  /** Reply notifications and webhooks: what the outbox sends. */
  public record Outgoing(NotifyHandlers replies, WebhookHandlers webhooks, WebhookPageHandlers webhookPage) {}

  /** Spam defence: the JSON API and its dashboard page. */
  public record Defence(DefenceHandlers api, DefencePageHandlers page) {}

  public static void register(RoutesConfig r, Cors cors, CommentHandlers comments, Moderation m,
      AnalysisHandlers analysis, ImportHandlers imports, Outgoing out, AccountHandlers account,
      CrawlHandlers crawl, Defence defence) {
    r.before("/api/*", cors::before);
    r.before("/api/*", m.guard()::identify);
    r.before("/api/v1/comments", defence.api()::guardPost); // proof of work and honeypot, before a new comment

    // public: readers, anonymous or not
    r.get("/api/v1/threads", comments::thread);
    r.get("/api/v1/threads/{id}", comments::threadById);
    r.get("/api/v1/counts", comments::counts);
    r.post("/api/v1/comments", comments::post);
    r.patch("/api/v1/comments/{id}", comments::edit);
    r.delete("/api/v1/comments/{id}", comments::delete);
    r.post("/api/v1/comments/{id}/vote", comments::vote);
    r.post("/api/v1/comments/{id}/report", m.readers()::report);
    r.get("/api/v1/featured", m.readers()::featured);
    r.before("/api/v1/threads", out.replies()::advertise); // X-Parley-Notify: the widget offers "Email me replies"
    r.post("/api/v1/subscriptions", out.replies()::subscribe);

    // readers following a link from an email: the signed token is the authority; GET shows, POST acts
    r.get("/notify/confirm", out.replies()::confirmPage);
    r.post("/notify/confirm", out.replies()::confirm);
    r.get("/notify/unsubscribe", out.replies()::unsubscribePage);
    r.post("/notify/unsubscribe", out.replies()::unsubscribe); // also RFC 8058 one-click from mail clients
    r.get("/api/v1/live", m.live()::readers); // SSE: newly published comments of one page

    // public: crawlers, feed readers and pages without JavaScript (published comments only)
    r.get("/api/v1/threads.html", crawl::html);
    r.get("/api/v1/feeds/thread.atom", crawl::threadFeed);
    r.get("/api/v1/feeds/site.atom", crawl::siteFeed);
    r.get("/api/v1/challenge", defence.api()::challenge); // ?site= → a proof-of-work challenge, or null when off

    // accounts: sign-in and sessions
    r.post("/api/v1/auth/login", m.auth()::login);
    r.post("/api/v1/auth/register", m.auth()::register);
    r.post("/api/v1/auth/sso", m.auth()::ssoSession);
    r.post("/api/v1/auth/logout", m.auth()::logout);
    r.get("/api/v1/auth/me", m.auth()::me);

    // readers' own accounts in the widget: the session travels in X-Parley-Session (see Guard), not in a cookie
    r.post("/api/v1/account/signup", account::signUp);
    r.post("/api/v1/account/signin", account::signIn);
    r.post("/api/v1/account/signout", account::signOut);
    r.post("/api/v1/account/password-reset", account::requestReset);
    r.post("/api/v1/account/password-reset/confirm", account::confirmReset);
    r.get("/api/v1/account", account::profile);
    r.patch("/api/v1/account", account::update);
    r.delete("/api/v1/account", account::delete); // {password}: erases the account, its comments become placeholders
    r.get("/api/v1/account/comments", account::history);
    r.get("/api/v1/account/export", account::export);

    // moderators (and admins) of {site}
    Guard g = m.guard();
    r.get("/api/v1/sites/{site}/queues/{queue}", g.moderator(m.queues()::list));
    r.get("/api/v1/sites/{site}/comments/{id}", g.moderator(m.queues()::detail));
    r.post("/api/v1/sites/{site}/comments/{id}/ban", g.moderator(m.queues()::ban));
    r.get("/api/v1/sites/{site}/comments/{id}/notes", g.moderator(m.queues()::notes)); // notes on the author
    r.post("/api/v1/sites/{site}/comments/{id}/notes", g.moderator(m.queues()::addNote));
    r.get("/api/v1/sites/{site}/comments/{id}/trust", g.moderator(m.queues()::trust)); // the author's trust, explained
    r.get("/api/v1/sites/{site}/users", g.moderator(m.authors()::list)); // README: Users
    r.get("/api/v1/sites/{site}/users/{author}", g.moderator(m.authors()::profile));
    r.post("/api/v1/sites/{site}/users/{author}/notes", g.moderator(m.authors()::addNote));
    r.post("/api/v1/sites/{site}/comments/{id}/claim", g.moderator(m.queues()::claim));
    r.delete("/api/v1/sites/{site}/comments/{id}/claim", g.moderator(m.queues()::release));
    r.get("/api/v1/sites/{site}/live", g.moderator(m.live()::moderators)); // SSE: queue changes, claims, counts
    r.post("/api/v1/sites/{site}/comments/{id}/{action}", g.moderator(m.queues()::act));
    r.post("/api/v1/sites/{site}/bulk", g.moderator(m.queues()::bulk));
    r.post("/api/v1/sites/{site}/threads/{id}/close", g.moderator(m.queues()::closeThread));
    r.get("/api/v1/sites/{site}/threads/{id}/settings", g.moderator(m.articles()::show));
    r.put("/api/v1/sites/{site}/threads/{id}/settings", g.moderator(m.articles()::update));
    r.get("/api/v1/sites/{site}/article-defaults", g.admin(m.articles()::defaults)); // README: Article settings
    r.put("/api/v1/sites/{site}/article-defaults", g.admin(m.articles()::updateDefaults));
    r.post("/api/v1/sites/{site}/threads/{id}/move", g.admin(m.articles()::move)); // re-point or merge; old key aliased
    r.get("/api/v1/sites/{site}/audit", g.moderator(m.queues()::audit));
    r.post("/api/v1/sites/{site}/audit/{id}/undo", g.moderator(m.queues()::undo));
    r.get("/api/v1/sites/{site}/bans", g.moderator(m.sites()::bans));

    // admins of {site}
    r.get("/api/v1/sites/{site}/policy", g.admin(m.sites()::policy));
    r.put("/api/v1/sites/{site}/policy", g.admin(m.sites()::updatePolicy));
    r.get("/api/v1/sites/{site}/members", g.admin(m.sites()::members));
    r.put("/api/v1/sites/{site}/members", g.admin(m.sites()::setMember));
    r.post("/api/v1/sites/{site}/sso-secret", g.admin(m.sites()::rotateSsoSecret));
    r.get("/api/v1/sites/{site}/webhooks", g.admin(out.webhooks()::list));
    r.post("/api/v1/sites/{site}/webhooks", g.admin(out.webhooks()::create));
    r.delete("/api/v1/sites/{site}/webhooks/{id}", g.admin(out.webhooks()::delete));
    r.get("/api/v1/sites/{site}/defence", g.admin(defence.api()::settings));
    r.put("/api/v1/sites/{site}/defence", g.admin(defence.api()::updateSettings));
    r.post("/api/v1/sites/{site}/imports", g.admin(imports::upload)); // ?format=disqus|wordpress|remark42|commento|comentario|isso|json

    // the dashboard (HTML): sign-in for anyone, queues for moderators, settings for admins
    DashboardHandlers d = m.dashboard();
    r.before("/admin", g::identify);
    r.before("/admin/*", g::identify);
    r.get("/admin", d::home);
    r.get("/admin/login", d::loginForm);
    r.post("/admin/login", d::login);
    r.post("/admin/lang", LanguageMenuHandlers::choose); // the language menu, signed in or not
    r.post("/admin/logout", g.signedIn(d::logout));
    r.get("/admin/{site}/queue/{queue}", d.page(Role.MODERATOR, d::queue));
    r.get("/admin/{site}/cards/{id}", d.page(Role.MODERATOR, d::card)); // one card's HTML, for the live queue
    r.get("/admin/{site}/audit", d.page(Role.MODERATOR, d::audit));
    r.get("/admin/{site}/users", d.page(Role.MODERATOR, m.users()::list));
    r.get("/admin/{site}/users/{author}", d.page(Role.MODERATOR, m.users()::show));
    r.post("/admin/{site}/users/{author}/notes", d.page(Role.MODERATOR, m.users()::addNote));
    r.post("/admin/{site}/users/{author}/ban", d.page(Role.MODERATOR, m.users()::ban));
    r.get("/admin/{site}/settings", d.page(Role.ADMIN, m.settings()::show));
    r.post("/admin/{site}/settings", d.page(Role.ADMIN, m.settings()::savePolicy));
    r.post("/admin/{site}/members", d.page(Role.ADMIN, m.settings()::setMember));
    r.post("/admin/{site}/sso-secret", d.page(Role.ADMIN, m.settings()::rotateSecret));
    r.post("/admin/{site}/threads/move", d.page(Role.ADMIN, m.settings()::moveThread)); // README: Thread identity
    r.post("/admin/{site}/page-params", d.page(Role.ADMIN, m.settings()::savePageParams));
    r.get("/admin/{site}/webhooks", d.page(Role.ADMIN, out.webhookPage()::show));
    r.post("/admin/{site}/webhooks", d.page(Role.ADMIN, out.webhookPage()::create));
    r.post("/admin/{site}/webhooks/{id}/delete", d.page(Role.ADMIN, out.webhookPage()::delete));
    r.get("/admin/{site}/article-defaults", d.page(Role.ADMIN, m.articlePages()::showDefaults));
    r.post("/admin/{site}/article-defaults", d.page(Role.ADMIN, m.articlePages()::saveDefaults));
    r.get("/admin/{site}/threads/{id}", d.page(Role.MODERATOR, m.articlePages()::showArticle));
    r.post("/admin/{site}/threads/{id}", d.page(Role.MODERATOR, m.articlePages()::saveArticle));
    r.get("/admin/{site}/defence", d.page(Role.ADMIN, defence.page()::show));
    r.post("/admin/{site}/defence", d.page(Role.ADMIN, defence.page()::save));
    r.get("/admin/{site}/import", d.page(Role.ADMIN, m.importPage()::show)); // its form posts to the imports API

    // API-key holders: the Perspective-compatible API
    analysis(r, analysis);
  }

  /** Operators: probes for the orchestrator and metrics for Prometheus (loopback and metrics.allow only). */
  public static void ops(RoutesConfig r, parley.ops.Health health) {
    r.get("/health/live", health::live);
    r.get("/health/ready", health::ready);
    r.get("/metrics", health::metrics);
  }

  /** API-key holders (Coral Talk, Perspective clients): Perspective's protocol and Google's error shape. */
  public static void analysis(RoutesConfig r, AnalysisHandlers analysis) {
    r.before("/v1alpha1/*", analysis::cors);
    r.post("/v1alpha1/comments:analyze", analysis::analyze);
    r.post("/v1alpha1/comments:suggestscore", analysis::suggestScore);
    r.get("/v1alpha1/*", analysis::notFound);
    r.post("/v1alpha1/*", analysis::notFound);
    r.options("/v1alpha1/*", analysis::notFound); // reached only without an Origin header
  }
}
