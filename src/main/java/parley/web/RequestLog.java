package parley.web;

import parley.kit.Json;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request (method, route template, status, milliseconds, request id), as text through SLF4J or as one
 * JSON object per line on stdout. The request id comes from {@code X-Request-Id} when a proxy set one and is
 * echoed back, so a line can be matched with the proxy's log. Thread-safe.
 */
public final class RequestLog {
  public static final String HEADER = "X-Request-Id";
  private static final Logger log = LoggerFactory.getLogger("parley.request");

  /** Where finished requests are counted (the metrics). */
  @FunctionalInterface
  public interface Observer {
    void request(String method, String route, int status, float millis);
  }

  private final boolean json;
  private final Observer observer;
  private final PrintStream out;

  /** @param json one JSON object per line on {@code out}; otherwise text lines through SLF4J */
  public RequestLog(boolean json, Observer observer, PrintStream out) {
    this.json = json;
    this.observer = observer;
    this.out = out;
  }

  /** A before-handler: gives the request its id. */
  public void assignId(Context ctx) {
    String id = ctx.header(HEADER);
    if (id == null || id.isBlank() || id.length() > 64) id = UUID.randomUUID().toString();
    ctx.attribute(HEADER, id);
    ctx.header(HEADER, id);
  }

  /** Javalin's request logger: called once per request after the response is written. */
  public void finished(Context ctx, Float millis) {
    String route = route(ctx);
    int status = ctx.statusCode();
    observer.request(ctx.method().name(), route, status, millis);
    String id = ctx.attribute(HEADER);
    if (!json) {
      log.info("{} {} {} {} ms id={}", ctx.method().name(), route, status, String.format("%.1f", millis), id);
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", java.time.Instant.now().toString()); // when the line is written: the log's own wall time
    line.put("method", ctx.method().name());
    line.put("route", route);
    line.put("path", ctx.path());
    line.put("status", status);
    line.put("ms", Math.round(millis * 10) / 10.0);
    line.put("requestId", id);
    out.println(toJson(line));
  }

  private static String toJson(Map<String, Object> line) {
    try {
      return Json.MAPPER.writeValueAsString(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The matched route template; static files and unknown paths are grouped so the label set stays bounded. */
  static String route(Context ctx) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    if (e != null) return e.path;
    return ctx.statusCode() == 404 ? "unmatched" : "static";
  }
}
