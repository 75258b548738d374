package parley.ops;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Liveness, readiness and the metrics page. Readiness runs named checks (database, migrations, model) and answers 503
 * while any fails or while the process is shutting down, so a load balancer stops sending before the port closes.
 * Thread-safe.
 */
public final class Health {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
  private final Telemetry telemetry;
  private final MetricsAccess access;
  private volatile boolean draining;

  public Health(Telemetry telemetry, MetricsAccess access) {
    this.telemetry = telemetry;
    this.access = access;
  }

  /** Adds a readiness check; a check that throws counts as failed. */
  public Health check(String name, BooleanSupplier ok) {
    checks.put(name, ok);
    return this;
  }

  /** Adds a check that, once passed, stays passed (migrations done, model loaded): later calls cost nothing. */
  public Health checkOnce(String name, BooleanSupplier ok) {
    java.util.concurrent.atomic.AtomicBoolean passed = new java.util.concurrent.atomic.AtomicBoolean();
    return check(name, () -> passed.get() || (ok.getAsBoolean() && passed.compareAndSet(false, true)) || passed.get());
  }

  /** From now on readiness answers 503: the process is about to stop. */
  public void drain() {
    draining = true;
  }

  // GET /health/live → 200 while the process can answer at all
  public void live(Context ctx) {
    ctx.json(Map.of("status", "up"));
  }

  // GET /health/ready → 200 {"status":"ready","checks":{...}} or 503 with the failing checks
  public void ready(Context ctx) {
    Map<String, String> results = new LinkedHashMap<>();
    boolean ok = !draining;
    if (draining) results.put("shutdown", "draining");
    for (var check : checks.entrySet()) {
      boolean passed = passes(check.getValue());
      results.put(check.getKey(), passed ? "ok" : "failing");
      ok &= passed;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", ok ? "ready" : "unavailable");
    out.put("checks", results);
    if (!ok) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", ErrorCode.NOT_READY.name());
      error.put("message", ErrorCode.NOT_READY.defaultMessage());
      error.put("status", ErrorCode.NOT_READY.status());
      out.put("error", error);
    }
    ctx.status(ok ? 200 : ErrorCode.NOT_READY.status()).json(out);
  }

  // GET /metrics → Prometheus text format; loopback and metrics.allow only, never through a proxy
  public void metrics(Context ctx) {
    if (!access.allows(ctx.req().getRemoteAddr(), ctx::header)) throw new ApiException(ErrorCode.METRICS_FORBIDDEN);
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(telemetry.scrape());
  }

  private static boolean passes(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
