package parley.ops;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import parley.classify.Stage;

/**
 * Settings for running Parley in production.
 *
 * @param metricsAllow who besides loopback may read {@code /metrics} (it reveals traffic figures)
 * @param logFormat how request lines (and Parley's own log lines) are written
 * @param threadCacheBytes memory for rendered thread pages ({@code thread.cache.mb}); 0 renders every read
 * @param cacheDir where files unpacked from the jar (the widget, the demo page) are kept ({@code cache.dir}); empty
 *     means {@code cache} in the data directory. Not the temp folder: tmpfiles cleaners age files out of it while
 *     Parley runs (the copies carry the jar's old timestamps), and the widget would then answer 404.
 * @param modelDir the moderation model {@code parley serve} and {@code parley moderate} load ({@code model.dir}): a
 *     folder written by {@code parley train}, e.g. the shipped model adapted to the newsroom's verdicts; empty means
 *     the model in the jar. Their {@code --model} option wins.
 * @param analysisStage the stage {@code /v1alpha1/comments:analyze} scores with ({@code analysis.stage}): accurate, the
 *     one Parley judges its own comments with, unless an operator needs the fast stage's volume; {@code parley serve
 *     --analysis-stage} wins
 */
public record OpsConfig(List<Cidr> metricsAllow, LogFormat logFormat, long threadCacheBytes, Optional<Path> cacheDir,
    Optional<Path> modelDir, Stage analysisStage) {
  public enum LogFormat { TEXT, JSON }

  /** 32 MB holds about 300 first pages of 100 comments, or 1,000 of 20; a hit costs no rendering. */
  public static final long DEFAULT_THREAD_CACHE_BYTES = 32L * 1024 * 1024;

  public OpsConfig(List<Cidr> metricsAllow, LogFormat logFormat) {
    this(metricsAllow, logFormat, DEFAULT_THREAD_CACHE_BYTES, Optional.empty(), Optional.empty(), Stage.ACCURATE);
  }

  public static OpsConfig defaults() {
    return new OpsConfig(List.of(), LogFormat.TEXT);
  }

  public OpsConfig withThreadCacheBytes(long bytes) {
    return new OpsConfig(metricsAllow, logFormat, bytes, cacheDir, modelDir, analysisStage);
  }

  /**
   * Reads {@code metrics.allow} (CIDRs, space or comma separated), {@code log.format} (text or json) and
   * {@code thread.cache.mb}, {@code cache.dir}, {@code model.dir} and {@code analysis.stage} (fast or accurate).
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
    String stage = p.getProperty("analysis.stage");
    Stage analysis = stage == null ? analysisStage : stage(stage);
    return new OpsConfig(cidrs, log, cache, path(p.getProperty("cache.dir"), cacheDir),
        path(p.getProperty("model.dir"), modelDir), analysis);
  }

  private static Stage stage(String value) {
    try {
      return Stage.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("analysis.stage must be fast or accurate, not '" + value + "'");
    }
  }

  /** A folder setting: unset keeps {@code before}, blank clears it. */
  private static Optional<Path> path(String value, Optional<Path> before) {
    return value == null ? before : Optional.of(value.trim()).filter(d -> !d.isEmpty()).map(Path::of);
  }
}
