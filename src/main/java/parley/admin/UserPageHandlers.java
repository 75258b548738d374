package parley.admin;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import parley.auth.Guard;
import parley.kit.ApiException;
import parley.moderation.AuthorRef;
import parley.moderation.BanScope;
import parley.moderation.queue.AuthorDirectory;
import parley.moderation.queue.AuthorHandlers;
import parley.moderation.queue.AuthorProfiles;
import parley.moderation.queue.ImportedAuthors;
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

  /** {@code message}: the outcome of the last form, or null; {@code hint}: the link's comment id, or null. */
  public record UserPage(Nav nav, AuthorProfiles.Profile profile, List<Comment> comments, String message, Long hint) {
    /** Where the page's form for {@code what} ({@code notes}, {@code ban}) posts, keeping the link's hint. */
    public String action(String what) {
      return path(nav.site(), profile.key()) + "/" + what + query(profile.key(), hint);
    }
  }

  /** A comment on the user page with the reasons its verdict gave, as the card shows them. */
  public record Comment(QueueItem item, List<String> reasons) {}

  /**
   * The link to an author's page, from a card or the users list. {@code hint}: one of their comments, which an imported
   * author's link carries so that the page finds them in one lookup (see {@link parley.moderation.queue.ImportedAuthors}).
   */
  public static String link(String site, String key, Long hint) {
    return path(site, key) + query(key, hint);
  }

  /** The link to the comment's author's page, or null for an author with no key (nothing known about them). */
  public static String link(QueueItem c) {
    String key = c.author().key();
    boolean known = AuthorRef.fromKey(key).isPresent() || AuthorRef.isImported(key);
    return known ? link(c.siteId(), key, c.id()) : null;
  }

  private static String path(String site, String key) {
    return "/admin/" + site + "/users/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  private static String query(String key, Long hint) {
    return hint == null || !AuthorRef.isImported(key) ? "" : "?c=" + hint;
  }

  private static Long hint(Context ctx) {
    return ImportedAuthors.hint(ctx.queryParam("c"));
  }

  private static String done(Context ctx, String what) {
    String site = ctx.pathParam("site");
    String key = ctx.pathParam("author");
    String page = link(site, key, hint(ctx));
    return page + (page.contains("?") ? "&" : "?") + "done=" + what;
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
      profiles.addNote(ctx.pathParam("site"), ctx.pathParam("author"), hint(ctx), ctx.formParam("body"), actor(ctx));
      ctx.redirect(done(ctx, "note"));
    } catch (ApiException e) {
      show(ctx, e.code().status(), "Not saved: " + e.getMessage());
    }
  }

  // POST /admin/{site}/users/{author}/ban (form: length = ""|24h|7d|until text, reason) → back to the page
  public void ban(Context ctx) {
    String site = ctx.pathParam("site");
    try {
      AuthorProfiles.Profile p = profiles.profile(site, ctx.pathParam("author"), hint(ctx));
      String length = ctx.formParam("length");
      var until = Suspension.until(length == null || length.isBlank() ? null : length, clock.instant());
      // the latest comment carries every identity the author has used, so the ban covers what a card's would
      actions.banAuthor(site, p.comments().getFirst().id(), ctx.formParam("reason"), BanScope.DEFAULT, until,
          actor(ctx));
      ctx.redirect(done(ctx, "ban"));
    } catch (ApiException e) {
      show(ctx, e.code().status(), "Not saved: " + e.getMessage());
    }
  }

  private void show(Context ctx, int status, String message) {
    String site = ctx.pathParam("site");
    AuthorProfiles.Profile p;
    try {
      p = profiles.profile(site, ctx.pathParam("author"), hint(ctx));
    } catch (ApiException e) {
      DashboardHandlers.render(ctx, 404, "error.jte", new Pages.ErrorPage("No such author",
          "No comments by that author on this site."));
      return;
    }
    List<Comment> comments = p.comments().stream().map(c -> new Comment(c, Card.reasons(c.moderation()))).toList();
    DashboardHandlers.render(ctx, status, "user.jte",
        new UserPage(dashboard.nav(ctx, site, "users"), p, comments, message, hint(ctx)));
  }

  private static ModeratorActions.Actor actor(Context ctx) {
    var p = Guard.principal(ctx);
    return new ModeratorActions.Actor(p.account().id(),
        p.account().email() == null ? p.account().displayName() : p.account().email());
  }
}
