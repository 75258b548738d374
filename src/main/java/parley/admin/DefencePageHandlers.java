package parley.admin;

import io.javalin.http.Context;
import parley.defence.DefenceSettings;
import parley.defence.SpamDefence;
import parley.kit.ApiException;

/** The dashboard's spam-defence page for admins: honeypot and proof of work (an HTML form with _csrf). */
public final class DefencePageHandlers {
  private final DashboardHandlers dashboard;
  private final SpamDefence defence;

  /** What the page shows; {@code message} after a save, {@code error} when the save was refused. */
  public record DefencePage(Nav nav, DefenceSettings settings, String message, boolean error) {}

  public DefencePageHandlers(DashboardHandlers dashboard, SpamDefence defence) {
    this.dashboard = dashboard;
    this.defence = defence;
  }

  // GET /admin/{site}/defence → the form
  public void show(Context ctx) {
    show(ctx, 200, null, false);
  }

  // POST /admin/{site}/defence (form: honeypot, proofOfWork, difficulty) → saved, or the form with what was wrong
  public void save(Context ctx) {
    String site = ctx.pathParam("site");
    try {
      long difficulty = Long.parseLong(String.valueOf(ctx.formParam("difficulty")).strip());
      defence.update(site, new DefenceSettings(ctx.formParam("honeypot") != null, ctx.formParam("proofOfWork") != null,
          difficulty));
      show(ctx, 200, "defence.saved", false);
    } catch (ApiException | NumberFormatException e) {
      show(ctx, 400, "Not saved: " + (e instanceof ApiException ? e.getMessage() : "the difficulty is not a number."),
          true);
    }
  }

  private void show(Context ctx, int status, String message, boolean error) {
    String site = ctx.pathParam("site");
    DashboardHandlers.render(ctx, status, "defence.jte",
        new DefencePage(dashboard.nav(ctx, site, "defence"), defence.settings(site), message, error));
  }
}
