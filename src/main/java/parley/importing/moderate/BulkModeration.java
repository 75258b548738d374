package parley.importing.moderate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.moderation.Judgement;
import parley.moderation.Pipeline;
import parley.moderation.Submission;

/**
 * Re-judges a stream of comments, oldest first, with the classifier and the site's pipeline (the same judge as live
 * comments: scores, word lists, links, duplicates, mode) on every core: the caller's thread reads chunks and rebuilds
 * each author's history, a pool of one thread per core scores and judges them, at most two chunks per thread are in
 * memory. Each result goes to the report and, when given, to {@code apply}. Use once.
 */
public final class BulkModeration implements Consumer<Item>, AutoCloseable {
  private static final int CHUNK = 500;

  /** One scored comment, for callers that apply the verdicts. */
  public record Scored(Item item, Judgement judgement) {}

  private record Pending(Item item, Submission submission) {}

  private final Classifier classifier;
  private final Stage stage;
  private final Pipeline judge;
  private final AuthorHistory history;
  private final ModerationReport report;
  private final Consumer<List<Scored>> apply;
  private final int threads = Runtime.getRuntime().availableProcessors();
  private final ExecutorService pool = Executors.newFixedThreadPool(threads,
      r -> Thread.ofPlatform().name("parley-moderate").daemon().unstarted(r));
  private final Semaphore inFlight = new Semaphore(threads * 2);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private List<Pending> chunk = new ArrayList<>(CHUNK);
  private long accepted; // the caller's thread only

  /**
   * @param judge the site's pipeline ({@code ModerationService.pipeline}, or one built from a policy file)
   * @param apply receives each judged chunk (from several threads at once); null for a dry run
   */
  public BulkModeration(String siteId, Classifier classifier, Stage stage, Pipeline judge,
      Consumer<List<Scored>> apply) {
    this.classifier = classifier;
    this.stage = stage;
    this.judge = judge;
    this.history = new AuthorHistory(siteId);
    this.report = new ModerationReport();
    this.apply = apply;
  }

  @Override
  public void accept(Item item) {
    accepted++;
    chunk.add(new Pending(item, history.next(item)));
    if (chunk.size() == CHUNK) submit();
  }

  private void submit() {
    if (chunk.isEmpty()) return;
    List<Pending> items = chunk;
    chunk = new ArrayList<>(CHUNK);
    inFlight.acquireUninterruptibly();
    if (failure.get() != null) {
      inFlight.release();
      throw failure.get();
    }
    pool.execute(() -> {
      try {
        List<Scored> scored = new ArrayList<>(items.size());
        for (Pending p : items) {
          Judgement j = judge.judge(p.submission().withClassification(classifier.classify(p.item().text(), stage)));
          report.add(p.item(), j);
          scored.add(new Scored(p.item(), j));
        }
        if (apply != null) apply.accept(scored);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
    });
  }

  /** Comments handed to the run so far (read on the caller's thread, which hands them). */
  public long accepted() {
    return accepted;
  }

  /** Comments scored so far, for a progress report while the run goes on. */
  public long scored() {
    return report.total();
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
