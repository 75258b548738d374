package parley.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import parley.store.CommentIndexes;
import parley.store.Database;

/**
 * Streams records from a reader into the database. Three stages overlap: the caller's thread parses, a pool converts
 * HTML bodies, one writer thread resolves threads and parents and commits each batch in its own transaction (an
 * interrupted import leaves whole batches, and re-running it updates them). At most three batches are in memory.
 * Use once, from one thread: {@link #run}.
 */
public final class Importer implements ImportSink {
  /**
   * Tuning: records per transaction, threads converting bodies, and whether a large import into SQLite may drop the
   * secondary indexes of {@code comments} and rebuild them at the end ({@link BulkLoad}; off for uploads into a
   * running server, whose readers need the indexes); and the limits of live input that imported bodies obey.
   */
  public record Options(int batchSize, int converterThreads, boolean bulkLoad, ImportLimits limits) {
    public Options(int batchSize, int converterThreads) {
      this(batchSize, converterThreads, false);
    }

    public Options(int batchSize, int converterThreads, boolean bulkLoad) {
      this(batchSize, converterThreads, bulkLoad, ImportLimits.DEFAULT);
    }

    public static Options defaults() {
      return new Options(20_000, Runtime.getRuntime().availableProcessors());
    }

    public Options withLimits(ImportLimits limits) {
      return new Options(batchSize, converterThreads, bulkLoad, limits);
    }

    Options withBulkLoad(boolean on) {
      return new Options(batchSize, converterThreads, on, limits);
    }
  }

  private final Database db;
  private final String siteId;
  private final String format;
  private final Options options;
  private final Progress progress;
  private final Warnings warnings = new Warnings();
  private final BatchWriter writer;
  private final ExecutorService writerThread = Executors.newSingleThreadExecutor(
      r -> Thread.ofPlatform().name("parley-import-writer").daemon().unstarted(r));
  private final ForkJoinPool converters;
  private final Semaphore inFlight = new Semaphore(3);
  private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
  private List<Object> batch;
  private final long started = System.nanoTime();
  private ImportRuns runs;
  private long run;

  private Importer(Database db, String siteId, String format, Options options, Progress progress, HeldRows held) {
    this.db = db;
    this.siteId = siteId;
    this.format = format;
    this.options = options;
    this.progress = progress;
    this.converters = new ForkJoinPool(Math.max(1, options.converterThreads()));
    this.writer = new BatchWriter(db, siteId, source(format, siteId), format, warnings, held);
    this.batch = new ArrayList<>(options.batchSize());
  }

  /** The value of {@code comments.source} for this format and site: a source's ids are unique within a site. */
  public static String source(String format, String siteId) {
    return format + ":" + siteId;
  }

  /** Runs {@code reader} against a fresh importer and returns what it did; on failure the run is logged as failed. */
  public static ImportReport run(Database db, String siteId, String format, String fileName, Options options,
      Progress progress, ImportCounts counts, Consumer<ImportSink> reader) {
    return run(db, siteId, format, fileName, options, progress, counts, reader,
        options.bulkLoad() ? HeldRows.sizedToHeap() : null);
  }

  /** As above, holding late replies back in {@code held} (null: write them at once and repair them at the end). */
  static ImportReport run(Database db, String siteId, String format, String fileName, Options options,
      Progress progress, ImportCounts counts, Consumer<ImportSink> reader, HeldRows held) {
    ImportRuns runs = new ImportRuns(db);
    long run = runs.start(siteId, format, fileName);
    Importer importer = new Importer(db, siteId, format, options, progress, held);
    importer.runs = runs;
    importer.run = run;
    try {
      if (options.bulkLoad()) CommentIndexes.drop(db); // rebuilt in finish(), or below if anything fails
      reader.accept(importer);
      ImportReport report = importer.finish(counts);
      runs.done(run, report);
      return report;
    } catch (RuntimeException e) {
      RuntimeException cause = importer.abandon(e);
      runs.failed(run, cause.getMessage());
      throw cause;
    } finally {
      importer.converters.shutdownNow();
      importer.writerThread.shutdownNow();
      if (options.bulkLoad()) CommentIndexes.ensure(db);
    }
  }

  @Override
  public void thread(ImportedThread thread) {
    add(thread);
  }

  @Override
  public void post(ImportedPost post) {
    add(post);
  }

  @Override
  public void warning(String message) {
    warnings.add(message);
  }

  private void add(Object record) {
    batch.add(record);
    if (batch.size() >= options.batchSize()) submit();
  }

  private void submit() {
    if (written.isCompletedExceptionally()) written.join();
    List<Object> full = batch;
    batch = new ArrayList<>(options.batchSize());
    inFlight.acquireUninterruptibly();
    CompletableFuture<List<Object>> converted = CompletableFuture.supplyAsync(() -> convert(full), converters);
    written = written.thenCombineAsync(converted, (ignored, items) -> {
      writer.write(items);
      runs.beat(run);
      progress.update(writer.comments());
      return (Void) null;
    }, writerThread).whenComplete((v, e) -> inFlight.release());
  }

  private List<Object> convert(List<Object> records) {
    return records.parallelStream()
        .map(r -> r instanceof ImportedPost p ? new BatchWriter.Ready(p, body(p)) : r)
        .toList();
  }

  /** The converted body, cut to {@code max.comment.chars} (and rendered again from the cut markdown) when longer. */
  private HtmlBody.Converted body(ImportedPost p) {
    int max = options.limits().maxCommentChars();
    // a 30 MB message need not be sanitized whole to keep its first max characters
    String raw = p.body() != null && p.body().length() > 8L * max + 1024 ? ImportLimits.cut(p.body(), 8 * max + 1024) : p.body();
    HtmlBody.Converted body = p.format().convert(raw);
    boolean tooLong = options.limits().tooLong(body.markdown());
    if (raw == p.body() && !tooLong) return body;
    warnings.add((p.at() == null ? "" : p.at() + ": ") + "comment " + p.sourceId() + " has "
        + (raw == p.body() ? body.markdown().length() : p.body().length()) + " characters, over max.comment.chars ("
        + max + "): cut to the limit");
    if (!tooLong) return body;
    String cut = ImportLimits.cut(body.markdown(), max);
    return new HtmlBody.Converted(cut, parley.comment.BodyRenderer.render(cut));
  }

  private ImportReport finish(ImportCounts counts) {
    submit();
    try {
      written.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
    // the tree repair writes by primary key only: done before the rebuild, its updates touch no secondary index
    writer.repairTrees();
    if (options.bulkLoad()) CommentIndexes.ensure(db);
    progress.finish(writer.comments());
    double seconds = (System.nanoTime() - started) / 1e9;
    return new ImportReport(format, siteId, writer.threadsFiled(), writer.inserted(), writer.updated(),
        writer.orphans(), warnings.kept(), warnings.count(), seconds, counts);
  }

  /** Waits for the batches in flight to finish or fail, and returns the error to report. */
  private RuntimeException abandon(RuntimeException e) {
    RuntimeException cause = unwrap(e);
    try {
      written.join();
    } catch (RuntimeException ignored) {
      // the first error is the one to report
    }
    return cause;
  }

  private static RuntimeException unwrap(RuntimeException e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    return t instanceof RuntimeException r ? r : new IllegalStateException(t);
  }
}
