package parley.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Settings for running Parley in production.
 *
 * @param metricsAllow who besides loopback may read {@code /metrics} (it reveals traffic figures)
 * @param logFormat how request lines (and Parley's own log lines) are written
 */
public record OpsConfig(List<Cidr> metricsAllow, LogFormat logFormat) {
  public enum LogFormat { TEXT, JSON }

  public static OpsConfig defaults() {
    return new OpsConfig(List.of(), LogFormat.TEXT);
  }

  /** Reads {@code metrics.allow} (CIDRs, space or comma separated) and {@code log.format} (text or json). */
  public OpsConfig with(Properties p) {
    String allow = p.getProperty("metrics.allow");
    List<Cidr> cidrs = allow == null ? metricsAllow
        : Arrays.stream(allow.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    String format = p.getProperty("log.format");
    LogFormat log = format == null ? logFormat : LogFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
    return new OpsConfig(cidrs, log);
  }
}
