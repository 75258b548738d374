package parley;

import parley.classify.Classifier;
import parley.ops.Health;
import parley.ops.MetricsAccess;
import parley.ops.OpsConfig;
import parley.ops.Telemetry;
import parley.store.Database;
import parley.web.RequestLog;

/** Wiring for what operators see: metrics, health checks and the request log. */
public record Operations(Telemetry telemetry, Health health, RequestLog requestLog) {

  Operations(OpsConfig config, Telemetry telemetry, Database db, Classifier classifier) {
    this(telemetry, health(config, telemetry, db, classifier),
        new RequestLog(config.logFormat() == OpsConfig.LogFormat.JSON, telemetry::request, System.out));
  }

  private static Health health(OpsConfig config, Telemetry telemetry, Database db, Classifier classifier) {
    return new Health(telemetry, new MetricsAccess(config.metricsAllow()))
        .check("database", db::reachable)
        .checkOnce("migrations", db::migrated)
        // no model at all is a deliberate set-up (word lists only); a model that fails to score is not ready
        .checkOnce("model", () -> classifier.loaded()
            && (classifier.off() || classifier.classify("readiness check") != null));
  }
}
