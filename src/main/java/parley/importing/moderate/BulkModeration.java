package parley.importing.moderate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.moderation.ScoreThresholds;

/**
 * Re-scores a stream of comments with the classifier and the site policy on every core: the caller's thread reads
 * chunks, a pool of one thread per core scores them, at most two chunks per thread are in memory. Each result goes to
 * the report and, when given, to {@code apply}. Use once.
 */
public final class BulkModeration implements Consumer<Item>, AutoCloseable {
  private static final int CHUNK = 500;

  /** One scored comment, for callers that apply the verdicts. */
  public record Scored(Item item, Classification classification, ScoreThresholds.Decision decision) {}

  private final Classifier classifier;
  private final Stage stage;
  private final ScoreThresholds thresholds;
  private final ModerationReport report;
  private final Consumer<List<Scored>> apply;
  private final int threads = Runtime.getRuntime().availableProcessors();
  private final ExecutorService pool = Executors.newFixedThreadPool(threads,
      r -> Thread.ofPlatform().name("parley-moderate").daemon().unstarted(r));
  private final Semaphore inFlight = new Semaphore(threads * 2);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private List<Item> chunk = new ArrayList<>(CHUNK);

  /** {@code apply} receives each scored chunk (from several threads at once); null for a dry run. */
  public BulkModeration(Classifier classifier, Stage stage, ScoreThresholds thresholds, Consumer<List<Scored>> apply) {
    this.classifier = classifier;
    this.stage = stage;
    this.thresholds = thresholds;
    this.report = new ModerationReport(thresholds);
    this.apply = apply;
  }

  @Override
  public void accept(Item item) {
    chunk.add(item);
    if (chunk.size() == CHUNK) submit();
  }

  private void submit() {
    if (chunk.isEmpty()) return;
    List<Item> items = chunk;
    chunk = new ArrayList<>(CHUNK);
    inFlight.acquireUninterruptibly();
    if (failure.get() != null) {
      inFlight.release();
      throw failure.get();
    }
    pool.execute(() -> {
      try {
        List<Scored> scored = new ArrayList<>(items.size());
        for (Item item : items) {
          Classification c = classifier.classify(item.text(), stage);
          ScoreThresholds.Decision d = thresholds.decide(item.text(), c);
          report.add(item, c, d);
          scored.add(new Scored(item, c, d));
        }
        if (apply != null) apply.accept(scored);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
    });
  }

  /** Waits for every chunk and returns the report; a failure in any chunk is thrown here. */
  public ModerationReport finish() {
    submit();
    inFlight.acquireUninterruptibly(threads * 2); // every chunk done
    inFlight.release(threads * 2);
    if (failure.get() != null) throw failure.get();
    return report;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
