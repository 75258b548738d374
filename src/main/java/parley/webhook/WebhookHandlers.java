package parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;

/** Admins manage a site's webhooks as JSON. */
public final class WebhookHandlers {
  private final WebhookService service;

  public WebhookHandlers(WebhookService service) {
    this.service = service;
  }

  // GET /api/v1/sites/{site}/webhooks → {webhooks: [{id, url, format, events}]}
  public void list(Context ctx) {
    ctx.json(Map.of("webhooks", service.list(ctx.pathParam("site"))));
  }

  // POST /api/v1/sites/{site}/webhooks {url, format?: json|slack|discord, events?: [published, held, reported]} → 201 with its secret
  public void create(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    List<String> events = null;
    if (body.has("events")) {
      if (!body.get("events").isArray()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'events' is a list.");
      events = new ArrayList<>();
      for (JsonNode e : body.get("events")) events.add(e.asText());
    }
    Webhook hook = service.create(ctx.pathParam("site"), Json.text(body, "url"), Json.text(body, "format"), events);
    ctx.status(201).json(Map.of("webhook", hook, "secret", hook.secret()));
  }

  // DELETE /api/v1/sites/{site}/webhooks/{id} → 204
  public void delete(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.WEBHOOK_NOT_FOUND);
    }
    service.delete(ctx.pathParam("site"), id);
    ctx.status(204);
  }
}
