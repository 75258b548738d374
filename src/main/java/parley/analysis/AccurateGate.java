package parley.analysis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;

/**
 * Admission to the accurate stage for {@code comments:analyze}: at most one transformer call per core at a time, and a
 * request that cannot start one within {@code wait} is scored by the fast stage instead. Past the cores' capacity
 * (about 200 requests/s on two) requests would otherwise queue without bound, and a Perspective client gives up —
 * Coral Talk after 800 ms (300 ms in v4) — and publishes the comment unscored. A fast-stage answer within the budget
 * is better than none; {@link AnalysisHandlers} says which stage answered ({@code X-Parley-Stage}). The transformer
 * runs on platform threads of its own: requests are served on virtual threads, and a native call pins its carrier, so
 * two calls in flight on a two-core machine stopped every other request (the fast answers included). Thread-safe.
 */
final class AccurateGate implements AutoCloseable {
  /** Well inside Coral's 300–800 ms timeout, with one transformer call (5–20 ms) after it. */
  static final Duration DEFAULT_WAIT = Duration.ofMillis(150);

  private final Semaphore slots;
  private final long waitNanos;
  private final ExecutorService transformer;

  AccurateGate(int slots, Duration wait) {
    this.slots = new Semaphore(slots, true); // fair: first come, first scored
    this.waitNanos = wait.toNanos();
    // as many threads as slots: the semaphore admits no more work than they take, so nothing queues here
    this.transformer = Executors.newFixedThreadPool(slots,
        r -> Thread.ofPlatform().name("parley-analysis-accurate").daemon().unstarted(r));
  }

  static AccurateGate forThisMachine() {
    return new AccurateGate(Runtime.getRuntime().availableProcessors(), DEFAULT_WAIT);
  }

  /** Classifies with {@code stage}; for the accurate stage, only if a slot frees within the wait, else fast. */
  Classification classify(Classifier classifier, String text, Stage stage) {
    if (stage == Stage.FAST) return classifier.classify(text, Stage.FAST);
    boolean admitted;
    try {
      admitted = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) return classifier.classify(text, Stage.FAST);
    try {
      return CompletableFuture.supplyAsync(() -> classifier.classify(text, stage), transformer).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r; // e.g. no model: the handler's 503
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    } finally {
      slots.release();
    }
  }

  /** Stops the transformer threads once calls in flight finish (an app that closes leaves none behind). */
  @Override
  public void close() {
    transformer.shutdown();
  }
}
