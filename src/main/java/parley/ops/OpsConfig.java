package parley.ops;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings for running Parley in production.
 *
 * @param metricsAllow who besides loopback may read {@code /metrics} (it reveals traffic figures)
 * @param logFormat how request lines (and Parley's own log lines) are written
 * @param threadCacheBytes memory for rendered thread pages ({@code thread.cache.mb}); 0 renders every read
 * @param cacheDir where files unpacked from the jar (the widget, the demo page) are kept ({@code cache.dir}); empty
 *     means {@code cache} in the data directory. Not the temp folder: tmpfiles cleaners age files out of it while
 *     Parley runs (the copies carry the jar's old timestamps), and the widget would then answer 404.
 */
public record OpsConfig(List<Cidr> metricsAllow, LogFormat logFormat, long threadCacheBytes, Optional<Path> cacheDir) {
  public enum LogFormat { TEXT, JSON }

  /** 32 MB holds about 300 first pages of 100 comments, or 1,000 of 20; a hit costs no rendering. */
  public static final long DEFAULT_THREAD_CACHE_BYTES = 32L * 1024 * 1024;

  public OpsConfig(List<Cidr> metricsAllow, LogFormat logFormat) {
    this(metricsAllow, logFormat, DEFAULT_THREAD_CACHE_BYTES, Optional.empty());
  }

  public static OpsConfig defaults() {
    return new OpsConfig(List.of(), LogFormat.TEXT);
  }

  public OpsConfig withThreadCacheBytes(long bytes) {
    return new OpsConfig(metricsAllow, logFormat, bytes, cacheDir);
  }

  /**
   * Reads {@code metrics.allow} (CIDRs, space or comma separated), {@code log.format} (text or json) and
   * {@code thread.cache.mb} and {@code cache.dir}.
   */
  public OpsConfig with(Properties p) {
    String allow = p.getProperty("metrics.allow");
    List<Cidr> cidrs = allow == null ? metricsAllow
        : Arrays.stream(allow.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    String format = p.getProperty("log.format");
    LogFormat log = format == null ? logFormat : LogFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
    String cacheMb = p.getProperty("thread.cache.mb");
    long cache = cacheMb == null ? threadCacheBytes : Long.parseLong(cacheMb.trim()) * 1024 * 1024;
    if (cache < 0) throw new IllegalArgumentException("thread.cache.mb must be 0 or more, not " + cacheMb);
    String dir = p.getProperty("cache.dir");
    Optional<Path> files = dir == null ? cacheDir : Optional.of(dir.trim()).filter(d -> !d.isEmpty()).map(Path::of);
    return new OpsConfig(cidrs, log, cache, files);
  }
}
