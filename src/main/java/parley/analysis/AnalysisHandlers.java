package parley.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.kit.Json;

/**
 * HTTP handlers for the Perspective-compatible API. Every answer, refusals included, is in Google's shape. Nothing
 * here logs or keeps a comment's text: errors are logged by class and place only, since a message may quote input.
 */
public final class AnalysisHandlers {
  private static final Logger log = LoggerFactory.getLogger(AnalysisHandlers.class);
  /** Room for 20,480 characters of emoji, JSON-escaped, plus context: Parley's 64 KiB API limit is too small. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  private final Analyzer analyzer;
  private final KeyRing keys;
  private final RateLimiter limiter;
  private final UsageCounter usage;
  private final FeedbackStore feedback;

  public AnalysisHandlers(Analyzer analyzer, KeyRing keys, RateLimiter limiter, UsageCounter usage, FeedbackStore feedback) {
    this.analyzer = analyzer;
    this.keys = keys;
    this.limiter = limiter;
    this.usage = usage;
    this.feedback = feedback;
  }

  // POST /v1alpha1/comments:analyze?key= → attribute scores, spans, languages
  public void analyze(Context ctx) {
    answer(ctx, "analyze", () -> {
      ApiKey key = admit(ctx);
      AnalyzeRequest request = AnalyzeRequest.parse(body(ctx));
      AnalyzeResponse response = analyzer.analyze(request);
      if (response.scoredBy() != null) ctx.header("X-Parley-Stage", response.scoredBy().key());
      usage.add(key.id(), "requests", 1);
      // counted under the canonical name: "toxicity" and "TOXICITY_EXPERIMENTAL" are both TOXICITY
      response.attributeScores().keySet().forEach(name ->
          usage.add(key.id(), request.requested().get(name).attribute().name(), 1));
      return response;
    });
  }

  // POST /v1alpha1/comments:suggestscore?key= → stores a moderator's verdict as feedback, echoes clientToken
  public void suggestScore(Context ctx) {
    answer(ctx, "suggestscore", () -> {
      ApiKey key = admit(ctx);
      SuggestRequest request = SuggestRequest.parse(body(ctx));
      feedback.save(key, request);
      usage.add(key.id(), "suggestions", 1);
      Map<String, Object> out = new LinkedHashMap<>();
      if (request.clientToken() != null) out.put("clientToken", request.clientToken());
      if (!request.languages().isEmpty()) out.put("requestedLanguages", request.languages());
      return out;
    });
  }

  // before /v1alpha1/*: any origin may call (the key, not a cookie, authorizes, as with Google's APIs); answers preflights
  public void cors(Context ctx) {
    if (ctx.header("Origin") == null) return;
    ctx.header("Access-Control-Allow-Origin", "*");
    if (ctx.method() == io.javalin.http.HandlerType.OPTIONS) {
      ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, X-Goog-Api-Key");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }

  // any other method or path under /v1alpha1 → Google-shaped 404
  public void notFound(Context ctx) {
    new GoogleError(GoogleError.Status.NOT_FOUND, "Parley answers POST /v1alpha1/comments:analyze and "
        + "POST /v1alpha1/comments:suggestscore.").write(ctx);
  }

  private ApiKey admit(Context ctx) {
    String secret = ctx.queryParam("key");
    if (secret == null) secret = ctx.header("X-Goog-Api-Key");
    ApiKey key = keys.authenticate(secret);
    if (!limiter.tryAcquire(key)) {
      usage.add(key.id(), "throttled", 1);
      throw new GoogleError(GoogleError.Status.RESOURCE_EXHAUSTED,
          "Quota exceeded: this key may make " + key.qps() + " requests per second.");
    }
    return key;
  }

  private interface Work {
    Object run() throws IOException;
  }

  private static void answer(Context ctx, String operation, Work work) {
    try {
      ctx.json(work.run());
    } catch (GoogleError e) {
      e.write(ctx);
    } catch (IOException | RuntimeException e) {
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      log.error("comments:{} failed: {} at {}", operation, e.getClass().getName(), at);
      new GoogleError(GoogleError.Status.INTERNAL, "Internal error.").write(ctx);
    }
  }

  /** The JSON object in the body, read with this API's own size limit (Content-Type is not insisted on). */
  private static JsonNode body(Context ctx) throws IOException {
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) throw GoogleError.invalid("The request body is larger than 512 KiB.");
    if (bytes.length == 0) throw GoogleError.invalid("The request body is empty; send a JSON object.");
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) throw GoogleError.invalid("The request body must be a JSON object.");
      return node;
    } catch (JsonProcessingException e) {
      throw GoogleError.invalid("Invalid JSON payload: " + e.getOriginalMessage());
    }
  }
}
