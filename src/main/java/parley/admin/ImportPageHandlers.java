package parley.admin;

import io.javalin.http.Context;

/**
 * The dashboard's import page for admins: a form that uploads an export file to
 * {@code POST /api/v1/sites/{site}/imports} (session cookie and CSRF token, like every dashboard action) and shows the
 * report or the error. The API streams the file and enforces {@code import.max.upload.bytes}; the page states the
 * limit and checks it before sending.
 */
public final class ImportPageHandlers {
  private final DashboardHandlers dashboard;
  private final long maxUploadBytes;

  public ImportPageHandlers(DashboardHandlers dashboard, long maxUploadBytes) {
    this.dashboard = dashboard;
    this.maxUploadBytes = maxUploadBytes;
  }

  // GET /admin/{site}/import → the upload form
  public void show(Context ctx) {
    String site = ctx.pathParam("site");
    DashboardHandlers.render(ctx, 200, "import.jte", new Pages.ImportPage(dashboard.nav(ctx, site, "import"),
        maxUploadBytes));
  }
}
