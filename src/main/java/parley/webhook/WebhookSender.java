package parley.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import parley.kit.Json;
import parley.mail.Delivery;
import parley.mail.OutboxItem;

/**
 * Delivers {@code WEBHOOK} outbox rows: POSTs the body with {@code Parley-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<body>")>}. A 2xx settles it; 410 or another 4xx (but 408 and 429) is permanent; anything
 * else, or no answer within 10 s, is retried by the outbox. Thread-safe.
 */
public final class WebhookSender implements Delivery {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final WebhookStore store;
  private final Clock clock;
  /** Built on the first delivery: creating it initialises TLS (~0.15 s), which a start without webhooks skips. */
  private volatile HttpClient http;

  public WebhookSender(WebhookService service, Clock clock) {
    this.store = service.store();
    this.clock = clock;
  }

  private HttpClient http() {
    HttpClient c = http;
    if (c == null) {
      synchronized (this) {
        if (http == null) {
          http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        c = http;
      }
    }
    return c;
  }

  /** The signature header's value for a body sent at {@code epochSecond}. */
  public static String signature(String secret, long epochSecond, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((epochSecond + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + epochSecond + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void deliver(OutboxItem item) throws Exception {
    JsonNode call = Json.MAPPER.readTree(item.payload());
    Webhook hook = store.find(call.path("webhookId").asLong())
        .orElseThrow(() -> new Permanent("the webhook was deleted"));
    String body = Json.MAPPER.writeValueAsString(call.path("body"));
    HttpRequest req = HttpRequest.newBuilder(URI.create(hook.url())).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Parley-Webhook/1")
        .header("Parley-Event", call.path("event").asText())
        .header("Parley-Delivery", String.valueOf(item.id()))
        .header("Parley-Signature", signature(hook.secret(), clock.instant().getEpochSecond(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    int status = http().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status >= 200 && status < 300) return;
    if (status >= 400 && status < 500 && status != 408 && status != 429) throw new Permanent("HTTP " + status);
    throw new java.io.IOException("HTTP " + status);
  }
}
