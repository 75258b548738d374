package parley.moderation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import parley.classify.Stage;

/**
 * Moderation's figures: decisions by outcome and reason, guard refusals by code, classifier latency by stage.
 * Reason labels are rule names (a fixed set), never details, so the number of series stays bounded. Thread-safe.
 */
public final class ModerationMeters {
  private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
      Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

  private final MeterRegistry registry;

  public ModerationMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts nothing; for tools and tests that do not serve metrics. */
  public static ModerationMeters none() {
    return new ModerationMeters(new CompositeMeterRegistry());
  }

  void decided(Verdict verdict) {
    String outcome = switch (verdict) {
      case Verdict.Publish p -> "published";
      case Verdict.Hold h -> "held";
      case Verdict.Reject r -> "rejected";
    };
    Counter.builder("parley.comments.moderated").description("Arriving comments by outcome")
        .tag("outcome", outcome).register(registry).increment();
    for (Reason reason : verdict.reasons()) {
      Counter.builder("parley.comments.reasons").description("Reasons recorded on moderated comments, by outcome")
          .tags("outcome", outcome, "reason", reason.rule()).register(registry).increment();
    }
  }

  /** A new comment published on the fast stage's scores while the model's own stage finishes in the background. */
  void provisional() {
    Counter.builder("parley.comments.provisional")
        .description("Comments published on the fast stage's scores, decided again when the full scores came")
        .register(registry).increment();
  }

  /** Comments published on the fast stage's scores whose accurate score is still queued: how far the verdicts lag. */
  void settlingQueue(java.util.function.Supplier<Number> size) {
    io.micrometer.core.instrument.Gauge.builder("parley.comments.settling", size)
        .description("Comments published on the fast stage's scores still waiting for the accurate stage")
        .register(registry);
  }

  void refused(String code) {
    Counter.builder("parley.comments.refused").description("Comments refused before moderation (ban, rate limit, ...)")
        .tag("code", code).register(registry).increment();
  }

  /** {@code stage} is the stage that answered, or "timeout" / "failed". */
  void classified(String stage, long nanos) {
    Timer.builder("parley.classifier.latency").description("Classifier latency per comment, by stage")
        .tag("stage", stage).serviceLevelObjectives(BUCKETS).register(registry)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  static String stageKey(Stage stage) {
    return stage == null ? "unknown" : stage.key();
  }
}
