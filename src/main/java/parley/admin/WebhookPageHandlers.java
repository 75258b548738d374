package parley.admin;

import io.javalin.http.Context;
import java.util.List;
import parley.kit.ApiException;
import parley.webhook.Webhook;
import parley.webhook.WebhookService;

/** The dashboard's webhooks page for admins: list, add (the secret is shown once), delete; HTML forms with _csrf. */
public final class WebhookPageHandlers {
  /** The page's data; {@code secret} is set only right after a hook was added. */
  public record WebhooksPage(Nav nav, List<Webhook> hooks, String message, String secret) {}

  private final DashboardHandlers dashboard;
  private final WebhookService webhooks;

  public WebhookPageHandlers(DashboardHandlers dashboard, WebhookService webhooks) {
    this.dashboard = dashboard;
    this.webhooks = webhooks;
  }

  // GET /admin/{site}/webhooks → the site's webhooks and a form to add one
  public void show(Context ctx) {
    show(ctx, 200, null, null);
  }

  private void show(Context ctx, int status, String message, String secret) {
    String site = ctx.pathParam("site");
    DashboardHandlers.render(ctx, status, "webhooks.jte",
        new WebhooksPage(dashboard.nav(ctx, site, "webhooks"), webhooks.list(site), message, secret));
  }

  // POST /admin/{site}/webhooks (form: url, format, events) → the page with the new hook's secret
  public void create(Context ctx) {
    try {
      Webhook hook = webhooks.create(ctx.pathParam("site"), ctx.formParam("url"), ctx.formParam("format"),
          ctx.formParams("events"));
      show(ctx, 200, "webhooks.added", hook.secret());
    } catch (ApiException e) {
      show(ctx, 400, "Not added: " + e.getMessage(), null);
    }
  }

  // POST /admin/{site}/webhooks/{id}/delete (form) → the page without it
  public void delete(Context ctx) {
    try {
      webhooks.delete(ctx.pathParam("site"), Long.parseLong(ctx.pathParam("id")));
      show(ctx, 200, "webhooks.deleted", null);
    } catch (ApiException | NumberFormatException e) {
      show(ctx, 404, "webhooks.noSuch", null);
    }
  }
}
