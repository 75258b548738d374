package parley.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One process's meters, in Prometheus form. One instance per {@link parley.App}, never the global registry, so
 * several servers in one JVM (tests) count apart. Thread-safe.
 */
public final class Telemetry implements AutoCloseable {
  /** Latency buckets for HTTP and classifier timers: few enough to keep the series count small per route. */
  static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500)};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  // figures that cost a query (queue sizes, imports) are refreshed just before each scrape, not on every request
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

  public Telemetry() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Counts one HTTP request under its route template ({@code /api/v1/comments/{id}}), never the raw path. */
  public void request(String method, String route, int status, float millis) {
    Timer.builder("parley.http.requests").description("HTTP requests by route template")
        .tags("method", method, "route", route, "status", String.valueOf(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry).record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /** Runs {@code refresh} before every scrape (for gauges whose values come from the database). */
  public void refreshBeforeScrape(Runnable refresh) {
    beforeScrape.add(refresh);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    beforeScrape.forEach(Runnable::run);
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
