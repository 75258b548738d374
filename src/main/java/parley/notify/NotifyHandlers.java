package parley.notify;

import com.fasterxml.jackson.databind.JsonNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;
import parley.site.Origins;

/**
 * Reply notifications over HTTP: the widget's subscribe call, and the pages the links in emails open. A link's
 * signed token is its whole authority, so the pages need no session; state changes only on POST (link scanners
 * that fetch every URL in an email must not confirm or unsubscribe anyone).
 */
public final class NotifyHandlers {
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

  /** One of the small pages behind an email link; {@code action} null shows no button. */
  public record NotifyPage(String title, String message, String action, String token, String button) {}

  private final NotifyService service;
  private final boolean enabled;
  private final Origins origins;

  /** {@code enabled}: SMTP is configured, so the widget may offer notifications. */
  public NotifyHandlers(NotifyService service, boolean enabled, Origins origins) {
    this.service = service;
    this.enabled = enabled;
    this.origins = origins;
  }

  // before GET /api/v1/threads: tells the widget whether to offer "Email me replies" (a header: the cached page stays shared)
  public void advertise(Context ctx) {
    if (!enabled) return;
    ctx.header("X-Parley-Notify", "replies");
    ctx.header("Access-Control-Expose-Headers", "X-Parley-Notify");
  }

  // POST /api/v1/subscriptions {site, page?, email} → 202; a confirmation email follows unless already confirmed
  public void subscribe(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String site = Json.text(body, "site");
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), site);
    if (!enabled) throw new ApiException(ErrorCode.NOTIFICATIONS_OFF);
    service.subscribe(site, Json.text(body, "page"), Json.text(body, "email"));
    ctx.status(202).json(Map.of("status", "confirmation-sent"));
  }

  // GET /notify/confirm?t= → a page with a Confirm button
  public void confirmPage(Context ctx) {
    render(ctx, 200, new NotifyPage("Confirm reply notifications",
        "Press the button to be emailed replies to your comments.", "/notify/confirm", ctx.queryParam("t"), "Confirm"));
  }

  // POST /notify/confirm (form t) → the result page
  public void confirm(Context ctx) {
    NotifyService.Outcome outcome = service.confirm(token(ctx));
    switch (outcome) {
      case CONFIRMED -> render(ctx, 200, page("Confirmed", "You will be emailed replies. Every email has a link to stop them."));
      case EXPIRED -> render(ctx, 410, page("Link expired", "This link has expired; ask again from the comment form."));
      case INVALID, UNSUBSCRIBED -> render(ctx, 400, page("Link not valid", "This link is not valid or no longer applies."));
    }
  }

  // GET /notify/unsubscribe?t= → a page with an Unsubscribe button
  public void unsubscribePage(Context ctx) {
    render(ctx, 200, new NotifyPage("Stop reply emails", "Press the button and no more of these emails will be sent.",
        "/notify/unsubscribe", ctx.queryParam("t"), "Unsubscribe"));
  }

  // POST /notify/unsubscribe?t= (RFC 8058 one-click from mail clients) or form t → the result page
  public void unsubscribe(Context ctx) {
    NotifyService.Outcome outcome = service.unsubscribe(token(ctx));
    if (outcome == NotifyService.Outcome.UNSUBSCRIBED) render(ctx, 200, page("Unsubscribed", "You will get no more of these emails."));
    else render(ctx, 400, page("Link not valid", "This link is not valid."));
  }

  private static String token(Context ctx) {
    String t = ctx.queryParam("t");
    return t != null ? t : ctx.formParam("t");
  }

  private static NotifyPage page(String title, String message) {
    return new NotifyPage(title, message, null, null, null);
  }

  private static void render(Context ctx, int status, NotifyPage page) {
    StringOutput out = new StringOutput();
    TEMPLATES.render("notify.jte", page, out);
    ctx.status(status).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'").html(out.toString());
  }
}
