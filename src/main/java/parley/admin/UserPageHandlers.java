package parley.admin;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import parley.auth.Guard;
import parley.kit.ApiException;
import parley.moderation.BanScope;
import parley.moderation.queue.AuthorDirectory;
import parley.moderation.queue.AuthorHandlers;
import parley.moderation.queue.AuthorProfiles;
import parley.moderation.queue.ModeratorActions;
import parley.moderation.queue.QueueItem;
import parley.moderation.queue.Suspension;

/**
 * The dashboard's users list and user page (templates users.jte and user.jte). Notes and bans are plain forms that
 * post back here and redirect to the page; lifting a ban is the audit log's undo, offered in the page's history.
 */
public final class UserPageHandlers {
  private final DashboardHandlers dashboard;
  private final AuthorDirectory directory;
  private final AuthorProfiles profiles;
  private final ModeratorActions actions;
  private final Clock clock;

  public UserPageHandlers(DashboardHandlers dashboard, AuthorDirectory directory, AuthorProfiles profiles,
      ModeratorActions actions, Clock clock) {
    this.dashboard = dashboard;
    this.directory = directory;
    this.profiles = profiles;
    this.actions = actions;
    this.clock = clock;
  }

  public record UsersPage(Nav nav, String query, String filter, List<AuthorDirectory.Entry> users) {}

  /** {@code message}: the outcome of the last form, or null. */
  public record UserPage(Nav nav, AuthorProfiles.Profile profile, List<Comment> comments, String message) {}

  /** A comment on the user page with the reasons its verdict gave, as the card shows them. */
  public record Comment(QueueItem item, List<String> reasons) {}

  /** The link to an author's page, from a card or the users list. */
  public static String link(String site, String key) {
    return "/admin/" + site + "/users/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  /** The link to the comment's author's page, or null for an imported author Parley cannot look up. */
  public static String link(QueueItem c) {
    String key = c.author().key();
    return parley.moderation.AuthorRef.fromKey(key).isPresent() ? link(c.siteId(), key) : null;
  }

  // GET /admin/{site}/users?q=&filter= → the users list
  public void list(Context ctx) {
    String site = ctx.pathParam("site");
    AuthorDirectory.Filter filter = AuthorHandlers.filter(ctx.queryParam("filter"));
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    DashboardHandlers.render(ctx, 200, "users.jte", new UsersPage(dashboard.nav(ctx, site, "users"), q,
        filter.name().toLowerCase(java.util.Locale.ROOT), directory.list(site, q, filter)));
  }

  // GET /admin/{site}/users/{author}?done= → one author's page
  public void show(Context ctx) {
    // only the two known outcomes: a link cannot make the page say anything else
    String done = ctx.queryParam("done");
    show(ctx, 200, "note".equals(done) ? "user.noteAdded" : "ban".equals(done) ? "user.banSaved" : null);
  }

  // POST /admin/{site}/users/{author}/notes (form: body) → back to the page
  public void addNote(Context ctx) {
    try {
      profiles.addNote(ctx.pathParam("site"), ctx.pathParam("author"), ctx.formParam("body"), actor(ctx));
      ctx.redirect(link(ctx.pathParam("site"), ctx.pathParam("author")) + "?done=note");
    } catch (ApiException e) {
      show(ctx, e.code().status(), "Not saved: " + e.getMessage());
    }
  }

  // POST /admin/{site}/users/{author}/ban (form: length = ""|24h|7d|until text, reason) → back to the page
  public void ban(Context ctx) {
    String site = ctx.pathParam("site");
    try {
      AuthorProfiles.Profile p = profiles.profile(site, ctx.pathParam("author"));
      String length = ctx.formParam("length");
      var until = Suspension.until(length == null || length.isBlank() ? null : length, clock.instant());
      // the latest comment carries every identity the author has used, so the ban covers what a card's would
      actions.banAuthor(site, p.comments().getFirst().id(), ctx.formParam("reason"), BanScope.DEFAULT, until,
          actor(ctx));
      ctx.redirect(link(site, ctx.pathParam("author")) + "?done=ban");
    } catch (ApiException e) {
      show(ctx, e.code().status(), "Not saved: " + e.getMessage());
    }
  }

  private void show(Context ctx, int status, String message) {
    String site = ctx.pathParam("site");
    AuthorProfiles.Profile p;
    try {
      p = profiles.profile(site, ctx.pathParam("author"));
    } catch (ApiException e) {
      DashboardHandlers.render(ctx, 404, "error.jte", new Pages.ErrorPage("No such author",
          "No comments by that author on this site."));
      return;
    }
    List<Comment> comments = p.comments().stream().map(c -> new Comment(c, Card.reasons(c.moderation()))).toList();
    DashboardHandlers.render(ctx, status, "user.jte",
        new UserPage(dashboard.nav(ctx, site, "users"), p, comments, message));
  }

  private static ModeratorActions.Actor actor(Context ctx) {
    var p = Guard.principal(ctx);
    return new ModeratorActions.Actor(p.account().id(),
        p.account().email() == null ? p.account().displayName() : p.account().email());
  }
}
