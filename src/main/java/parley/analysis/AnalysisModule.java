package parley.analysis;

import java.time.Clock;
import java.util.function.Supplier;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.store.Database;

/**
 * Wiring for the Perspective-compatible API: keys, rate limits, usage counters, feedback and the analyzer. The
 * classifier is asked for on first use (so a missing model fails requests, not the start). Closing flushes the
 * usage counters.
 */
public final class AnalysisModule implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnalysisModule.class);
  private final ApiKeyStore keys;
  private final UsageCounter usage;
  private final AnalysisHandlers handlers;
  private final LazyClassifier classifier;
  private final Analyzer analyzer;

  private AnalysisModule(ApiKeyStore keys, UsageCounter usage, AnalysisHandlers handlers, LazyClassifier classifier,
      Analyzer analyzer) {
    this.keys = keys;
    this.usage = usage;
    this.handlers = handlers;
    this.classifier = classifier;
    this.analyzer = analyzer;
  }

  public static AnalysisModule start(Database db, Supplier<Classifier> classifier, Stage stage, Clock clock) {
    ApiKeyStore keys = new ApiKeyStore(db, clock);
    UsageCounter usage = new UsageCounter(db, clock);
    LazyClassifier lazy = new LazyClassifier(classifier);
    Analyzer analyzer = new Analyzer(lazy, stage);
    var handlers = new AnalysisHandlers(analyzer, new KeyRing(keys, clock), new RateLimiter(), usage, new FeedbackStore(db, clock));
    return new AnalysisModule(keys, usage, handlers, lazy, analyzer);
  }

  /**
   * Loads the model and scores comments in the background, so the first clients after a start do not wait for it
   * (Coral gives Perspective well under a second): 2,000 through the fast stage, which the JIT compiles, and with the
   * accurate stage a few more of growing length through the transformer (native code, nothing to compile: 2,000 of
   * them would cost seconds of CPU at every start). {@code parley serve} calls this; tests do not.
   */
  public void warmUpInBackground(Stage stage) {
    // a platform thread: transformer calls are native and would pin a virtual thread's carrier
    Thread.ofPlatform().daemon().name("parley-analysis-warm-up").start(() -> {
      try {
        for (int i = 0; i < 2_000; i++) classifier.classify("Warming up the model, comment number " + i + ", you idiot.", Stage.FAST);
        String text = "Warming up the accurate stage with a comment that grows, you idiot.";
        for (int i = 0; stage == Stage.ACCURATE && i < 6; i++, text += " " + text) classifier.classify(text, stage);
        log.info("Analysis model loaded and warmed up");
      } catch (RuntimeException e) {
        // already logged by the loader; requests will answer 503
      }
    });
  }

  public AnalysisHandlers handlers() {
    return handlers;
  }

  public ApiKeyStore keys() {
    return keys;
  }

  public UsageCounter usage() {
    return usage;
  }

  @Override
  public void close() {
    usage.close();
    analyzer.close();
  }

  /** Loads the model once, on the first request that needs it; concurrent first requests wait for the one load. */
  private static final class LazyClassifier implements Classifier {
    private final Supplier<Classifier> loader;
    private volatile Classifier loaded;
    private volatile boolean failed;

    LazyClassifier(Supplier<Classifier> loader) {
      this.loader = loader;
    }

    private Classifier get() {
      if (failed) throw unavailable();
      Classifier c = loaded;
      if (c == null) {
        synchronized (this) {
          if (loaded == null) loaded = load();
          c = loaded;
        }
      }
      return c;
    }

    // a missing or broken model is the operator's problem, not the client's: 503, and the reason logged once
    private Classifier load() {
      try {
        return loader.get();
      } catch (RuntimeException e) {
        failed = true;
        log.error("The classifier model could not be loaded; comments:analyze answers 503 until a restart", e);
        throw unavailable();
      }
    }

    private static GoogleError unavailable() {
      return new GoogleError(GoogleError.Status.UNAVAILABLE, "The classifier model is not available.");
    }

    @Override
    public Classification classify(String text) {
      return get().classify(text);
    }

    @Override
    public Stage defaultStage() {
      return get().defaultStage();
    }

    @Override
    public Classification classify(String text, Stage stage) {
      return get().classify(text, stage);
    }
  }
}
