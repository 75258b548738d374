package parley.admin;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import parley.auth.Guard;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.moderation.queue.ArticleSettings;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.thread.ArticleDefaults;
import parley.thread.CommentThread;
import parley.thread.Toggle;

/** Dashboard pages for article settings: the site's defaults (admins) and one article's overrides (moderators). */
public final class ArticlePageHandlers {
  static final int MAX_DAYS = 3650;
  private final DashboardHandlers dashboard;
  private final ArticleSettings settings;

  /**
   * The defaults form; {@code message} after a save (a message key), or why it was refused ({@code error}: the API's
   * English reason, shown after the translated "Not saved").
   */
  public record DefaultsPage(Nav nav, ArticleDefaults defaults, String message, boolean error) {}

  /** One article: its own settings, what is in force and where each value came from. */
  public record ArticlePage(Nav nav, CommentThread thread, ArticleDefaults.Sources sources, String message,
      boolean error) {
    /** The message key of a source, in the words the page uses. */
    public String from(ArticleDefaults.Source s) {
      return "article.from." + s.key();
    }

    /** The option's value in the form's three-way choices. */
    public static String choice(Toggle t) {
      return t == Toggle.INHERIT ? "" : t == Toggle.ON ? "on" : "off";
    }

    public String text(Object value) {
      return value == null ? "–" : value.toString();
    }
  }

  public ArticlePageHandlers(DashboardHandlers dashboard, ArticleSettings settings) {
    this.dashboard = dashboard;
    this.settings = settings;
  }

  // GET /admin/{site}/article-defaults → the form
  public void showDefaults(Context ctx) {
    showDefaults(ctx, 200, null, false);
  }

  // POST /admin/{site}/article-defaults (form: premoderate, closeAfterDays, notice, qa) → saved, or the form with why not
  public void saveDefaults(Context ctx) {
    try {
      settings.setDefaults(ctx.pathParam("site"), new ArticleDefaults(ctx.formParam("premoderate") != null,
          days(ctx.formParam("closeAfterDays")), ctx.formParam("notice"), ctx.formParam("qa") != null), actor(ctx));
      showDefaults(ctx, 200, "articleDefaults.saved", false);
    } catch (ApiException e) {
      showDefaults(ctx, 400, e.getMessage(), true);
    }
  }

  // GET /admin/{site}/threads/{id} → one article's settings form
  public void showArticle(Context ctx) {
    showArticle(ctx, 200, null, false);
  }

  // POST /admin/{site}/threads/{id} (form: premoderate = ""|on|off, notice, closesAt | closeAfterDays | keepOpen,
  //   qa = ""|on|off) → saved, or why not
  public void saveArticle(Context ctx) {
    try {
      Integer days = days(ctx.formParam("closeAfterDays"));
      Instant at = instant(ctx.formParam("closesAt"));
      boolean keepOpen = ctx.formParam("keepOpen") != null;
      if ((days != null ? 1 : 0) + (at != null ? 1 : 0) + (keepOpen ? 1 : 0) > 1) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "give a closing time, days or 'keep open', only one.");
      }
      settings.set(ctx.pathParam("site"), threadId(ctx), new ArticleSettings.Change(
          toggle(ctx.formParam("premoderate")), ctx.formParam("notice"), at, days, keepOpen,
          toggle(ctx.formParam("qa"))), actor(ctx));
      showArticle(ctx, 200, "article.saved", false);
    } catch (ApiException e) {
      showArticle(ctx, e.code() == ErrorCode.THREAD_NOT_FOUND ? 404 : 400, e.getMessage(), true);
    }
  }

  private void showDefaults(Context ctx, int status, String message, boolean error) {
    String site = ctx.pathParam("site");
    DashboardHandlers.render(ctx, status, "article-defaults.jte",
        new DefaultsPage(dashboard.nav(ctx, site, "settings"), settings.defaults(site), message, error));
  }

  private void showArticle(Context ctx, int status, String message, boolean error) {
    String site = ctx.pathParam("site");
    CommentThread t;
    try {
      t = settings.get(site, threadId(ctx));
    } catch (ApiException e) {
      DashboardHandlers.render(ctx, 404, "error.jte", new Pages.ErrorPage("No such article", e.getMessage()));
      return;
    }
    DashboardHandlers.render(ctx, status, "article.jte", new ArticlePage(dashboard.nav(ctx, site, "queue"), t,
        t.defaults().sources(t.settings()), message, error));
  }

  private static long threadId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.THREAD_NOT_FOUND);
    }
  }

  private static Integer days(String raw) {
    if (raw == null || raw.isBlank()) return null;
    try {
      int d = Integer.parseInt(raw.strip());
      if (d >= 0 && d <= MAX_DAYS) return d;
    } catch (NumberFormatException e) {
      // falls through to the same message as a number out of range
    }
    throw new ApiException(ErrorCode.VALIDATION_FAILED, "days are a whole number from 0 to " + MAX_DAYS + ".");
  }

  /** A three-way choice: "on", "off", anything else follows the site. */
  private static Toggle toggle(String raw) {
    return "on".equals(raw) ? Toggle.ON : "off".equals(raw) ? Toggle.OFF : Toggle.INHERIT;
  }

  private static Instant instant(String raw) {
    if (raw == null || raw.isBlank()) return null;
    try {
      return Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "the closing time is an ISO instant, e.g. 2026-12-31T18:00:00Z.");
    }
  }

  private static Actor actor(Context ctx) {
    var account = Guard.principal(ctx).account();
    return new Actor(account.id(), account.email() == null ? account.displayName() : account.email());
  }
}
