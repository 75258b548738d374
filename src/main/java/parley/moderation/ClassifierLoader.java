package parley.moderation;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.classify.Classifier;
import parley.classify.Models;

/** Loads the bundled classifier once at start-up, deciding what happens when it cannot be loaded. */
public final class ClassifierLoader {
  private static final Logger log = LoggerFactory.getLogger(ClassifierLoader.class);

  private ClassifierLoader() {}

  /**
   * The shipped model, read on a background thread so that the server starts listening meanwhile (thread reads do not
   * need it): a caller that scores, asks {@link Classifier#off()} or warms it up waits for the load.
   */
  public static Classifier loadDefaultInBackground(java.util.concurrent.Future<?> listening) {
    return inBackground(ClassifierLoader::loadDefault, listening);
  }

  /** {@code loader} run once on its own thread; the classifier returned delegates to its result. */
  public static Classifier inBackground(java.util.function.Supplier<Classifier> loader) {
    return inBackground(loader, java.util.concurrent.CompletableFuture.completedFuture(null));
  }

  /**
   * As {@link #inBackground(java.util.function.Supplier)}, but the read begins once {@code listening} is done (or
   * after {@link #MAX_WAIT_FOR_LISTENING} at the latest): on a small machine reading the model competes for the CPU
   * with the server's own start, and held back it lets the first reader in about a second sooner.
   */
  public static Classifier inBackground(java.util.function.Supplier<Classifier> loader,
      java.util.concurrent.Future<?> listening) {
    var model = new java.util.concurrent.CompletableFuture<Classifier>();
    Thread.ofPlatform().daemon().name("parley-model-load").start(() -> {
      try {
        awaitQuietly(listening);
        model.complete(loader.get());
      } catch (RuntimeException | Error e) {
        model.completeExceptionally(e);
      }
    });
    return new Loading(model);
  }

  static final java.time.Duration MAX_WAIT_FOR_LISTENING = java.time.Duration.ofSeconds(5);

  private static void awaitQuietly(java.util.concurrent.Future<?> listening) {
    try {
      listening.get(MAX_WAIT_FOR_LISTENING.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // the server is slow to start or failed to: load anyway, a scoring caller may be waiting
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A classifier still being read: every call waits for it; {@link #loaded()} says whether that would wait. */
  private record Loading(java.util.concurrent.CompletableFuture<Classifier> model) implements Classifier {
    @Override
    public parley.classify.Classification classify(String text) {
      return model.join().classify(text);
    }

    @Override
    public parley.classify.Stage defaultStage() {
      return model.join().defaultStage();
    }

    @Override
    public parley.classify.Classification classify(String text, parley.classify.Stage stage) {
      return model.join().classify(text, stage);
    }

    @Override
    public void warmUp() {
      model.join().warmUp();
    }

    @Override
    public boolean off() {
      return model.join().off();
    }

    @Override
    public boolean loaded() {
      return model.isDone();
    }

    // never waits: a site's policy is read by requests that do not score (the shipped model, the one read in the
    // background, has the shipped lines anyway)
    @Override
    public java.util.Map<parley.classify.Category, parley.classify.CalibratedLine> calibratedLines() {
      return model.isDone() && !model.isCompletedExceptionally() ? model.join().calibratedLines() : java.util.Map.of();
    }

    @Override
    public void close() {
      model.join().close();
    }
  }

  /**
   * The shipped model; {@link Classifier#OFF} when the build has no model (comments are then published unscored, each noting
   * "classifier.off"); a classifier that always fails when the model is present but broken (comments are then held
   * as unscored, "classifier.failed").
   */
  public static Classifier loadDefault() {
    try {
      return Models.loadDefault();
    } catch (IOException missing) {
      log.error("The classifier's model is missing ({}); comments are moderated by word lists and policy only",
          missing.getMessage());
      return Classifier.OFF;
    } catch (RuntimeException broken) {
      log.error("The classifier failed to load; comments will be held as unscored", broken);
      return text -> {
        throw new IllegalStateException("classifier failed to load");
      };
    }
  }
}
