package parley.defence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import parley.comment.Honeypot;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;
import parley.site.Origins;
import parley.site.SiteService;

/** Spam defence over HTTP: challenges for readers, the new-comment filter, settings for admins. */
public final class DefenceHandlers {
  private final SpamDefence defence;
  private final SiteService sites;
  private final Origins origins;

  public DefenceHandlers(SpamDefence defence, SiteService sites, Origins origins) {
    this.defence = defence;
    this.sites = sites;
    this.origins = origins;
  }

  // GET /api/v1/challenge?site= → {challenge: {algorithm, challenge, salt, maxNumber, signature, expiresAt} | null}
  public void challenge(Context ctx) {
    String site = ctx.queryParam("site");
    if (site == null || sites.find(site).isEmpty()) throw new ApiException(ErrorCode.SITE_NOT_FOUND);
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), site);
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> out = new HashMap<>();
    out.put("challenge", defence.challenge(site).orElse(null));
    ctx.json(out);
  }

  // before POST /api/v1/comments: a missing or bad proof of work is refused; a filled honeypot marks the request
  public void guardPost(Context ctx) {
    if (!ctx.method().name().equals("POST")) return;
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String site = Json.text(body, "site");
    origins.requireAllowed(ctx.header("Origin"), ctx.scheme() + "://" + ctx.host(), site); // as the post would
    if (defence.admit(site, body)) ctx.attribute(Honeypot.ATTRIBUTE, true);
  }

  // GET /api/v1/sites/{site}/defence → {honeypot, proofOfWork, difficulty}
  public void settings(Context ctx) {
    ctx.json(defence.settings(ctx.pathParam("site")));
  }

  // PUT /api/v1/sites/{site}/defence {any of honeypot, proofOfWork, difficulty} → the settings after the change
  public void updateSettings(Context ctx) {
    String site = ctx.pathParam("site");
    ctx.json(defence.update(site, merged(defence.settings(site), Json.body(ctx.contentType(), ctx.bodyAsBytes()))));
  }

  static DefenceSettings merged(DefenceSettings current, JsonNode changes) {
    ObjectNode node = Json.MAPPER.valueToTree(current);
    changes.properties().forEach(e -> {
      if (!node.has(e.getKey())) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown defence field '" + e.getKey() + "'.");
      }
      boolean fits = e.getKey().equals("difficulty") ? e.getValue().isIntegralNumber() : e.getValue().isBoolean();
      if (!fits) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + e.getKey() + "' has the wrong type.");
      node.set(e.getKey(), e.getValue());
    });
    return Json.MAPPER.convertValue(node, DefenceSettings.class).validated();
  }
}
