package parley.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;
import parley.auth.Account;
import parley.auth.AuthService;
import parley.auth.Role;
import parley.auth.SsoService;
import parley.moderation.ModerationService;
import parley.moderation.Policy;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;

/** Site settings for admins (policy, members, SSO secret) and the ban list for moderators, as JSON. */
public final class SiteAdminHandlers {
  private final ModerationService moderation;
  private final AuthService accounts;
  private final SsoService sso;

  public SiteAdminHandlers(ModerationService moderation, AuthService accounts, SsoService sso) {
    this.moderation = moderation;
    this.accounts = accounts;
    this.sso = sso;
  }

  // GET /api/v1/sites/{site}/policy → the site's policy
  public void policy(Context ctx) {
    ctx.json(moderation.policy(ctx.pathParam("site")));
  }

  // PUT /api/v1/sites/{site}/policy {any policy fields} → the policy after the change
  public void updatePolicy(Context ctx) {
    String site = ctx.pathParam("site");
    ctx.json(moderation.updatePolicy(site, merged(moderation.policy(site), Json.body(ctx.contentType(), ctx.bodyAsBytes()))));
  }

  /** The current policy with the given fields replaced; unknown or mistyped fields are refused. */
  static Policy merged(Policy current, JsonNode changes) {
    ObjectNode node = Json.MAPPER.valueToTree(current);
    changes.fields().forEachRemaining(e -> {
      if (!node.has(e.getKey())) throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown policy field '" + e.getKey() + "'.");
      // trust settings merge field by field too, so {"trust":{"appealNote":"…"}} keeps the weights
      if (e.getKey().equals("trust") && e.getValue().isObject()) {
        ObjectNode trust = (ObjectNode) node.get("trust");
        e.getValue().fields().forEachRemaining(t -> {
          if (!trust.has(t.getKey())) throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown policy field 'trust." + t.getKey() + "'.");
          trust.set(t.getKey(), t.getValue());
        });
      } else {
        node.set(e.getKey(), e.getValue());
      }
    });
    // thresholds are keyed by Category: name an unknown key here, before Jackson refuses it as a wrong type
    JsonNode thresholds = node.get("thresholds");
    if (thresholds != null && thresholds.isObject()) thresholds.fieldNames().forEachRemaining(Policy::category);
    try {
      return Json.MAPPER.treeToValue(node, Policy.class);
    } catch (Exception e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "The policy has a field of the wrong type.");
    }
  }

  // GET /api/v1/sites/{site}/members → moderators and admins
  public void members(Context ctx) {
    ctx.json(Map.of("members", accounts.members(ctx.pathParam("site"))));
  }

  // PUT /api/v1/sites/{site}/members {email, role: admin|moderator|null} → 204; null removes the role
  public void setMember(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    String email = Json.text(body, "email");
    Account a = email == null ? null : accounts.findLocal(email).orElse(null);
    if (a == null) throw new ApiException(ErrorCode.VALIDATION_FAILED, "No account with that email; create it first.");
    String role = Json.text(body, "role");
    if (role == null) accounts.revoke(a.id(), ctx.pathParam("site"));
    else if (role.equals("admin") || role.equals("moderator")) accounts.grant(a.id(), ctx.pathParam("site"), Role.fromKey(role));
    else throw new ApiException(ErrorCode.VALIDATION_FAILED, "'role' is admin, moderator or null.");
    ctx.status(204);
  }

  // POST /api/v1/sites/{site}/sso-secret → {secret}: a new HS256 secret (the old one stops working)
  public void rotateSsoSecret(Context ctx) {
    ctx.json(Map.of("secret", sso.rotateSecret(ctx.pathParam("site"))));
  }

  // GET /api/v1/sites/{site}/bans → {bans}
  public void bans(Context ctx) {
    ctx.json(Map.of("bans", moderation.bans(ctx.pathParam("site"))));
  }
}
