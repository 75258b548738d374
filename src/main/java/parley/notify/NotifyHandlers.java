package parley.notify;

import com.fasterxml.jackson.databind.JsonNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import parley.i18n.Lang;
import parley.i18n.Messages;
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

  /** One of the small pages behind an email link, in the reader's language; {@code action} null shows no button. */
  public record NotifyPage(Messages t, String title, String message, String action, String token, String button) {}

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

  // POST /api/v1/subscriptions {site, page?, email, lang?} → 202; a confirmation email follows unless already confirmed
  public void subscribe(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String site = Json.text(body, "site");
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), site);
    if (!enabled) throw new ApiException(ErrorCode.NOTIFICATIONS_OFF);
    service.subscribe(site, Json.text(body, "page"), Json.text(body, "email"), Lang.ofReader(Json.text(body, "lang"), ctx.header("Accept-Language")));
    ctx.status(202).json(Map.of("status", "confirmation-sent"));
  }

  // GET /notify/confirm?t= → a page with a Confirm button
  public void confirmPage(Context ctx) {
    render(ctx, 200, "confirm", "/notify/confirm", ctx.queryParam("t"));
  }

  // POST /notify/confirm (form t) → the result page
  public void confirm(Context ctx) {
    NotifyService.Outcome outcome = service.confirm(token(ctx));
    switch (outcome) {
      case CONFIRMED -> render(ctx, 200, "confirmed", null, null);
      case EXPIRED -> render(ctx, 410, "expired", null, null);
      case INVALID, UNSUBSCRIBED -> render(ctx, 400, "notApplicable", null, null);
    }
  }

  // GET /notify/unsubscribe?t= → a page with an Unsubscribe button
  public void unsubscribePage(Context ctx) {
    render(ctx, 200, "unsubscribe", "/notify/unsubscribe", ctx.queryParam("t"));
  }

  // POST /notify/unsubscribe?t= (RFC 8058 one-click from mail clients) or form t → the result page
  public void unsubscribe(Context ctx) {
    NotifyService.Outcome outcome = service.unsubscribe(token(ctx));
    if (outcome == NotifyService.Outcome.UNSUBSCRIBED) render(ctx, 200, "unsubscribed", null, null);
    else render(ctx, 400, "invalid", null, null);
  }

  private static String token(Context ctx) {
    String t = ctx.queryParam("t");
    return t != null ? t : ctx.formParam("t");
  }

  /**
   * Renders page {@code name} ({@code notify.<name>.*} messages) in the language of the browser that opened the link:
   * the reader's own, as a rule. {@code action} null shows no button.
   */
  private static void render(Context ctx, int status, String name, String action, String token) {
    Messages t = Messages.of(Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
    String key = "notify." + name + ".";
    NotifyPage page = new NotifyPage(t, t.get(key + "title"), t.get(key + "message"), action, token,
        action == null ? null : t.get(key + "button"));
    StringOutput out = new StringOutput();
    TEMPLATES.render("notify.jte", page, out);
    ctx.status(status).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'").html(out.toString());
  }
}
