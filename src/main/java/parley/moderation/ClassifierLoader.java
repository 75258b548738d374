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
  public static Classifier loadDefaultInBackground() {
    return inBackground(ClassifierLoader::loadDefault);
  }

  /** {@code loader} run once on its own thread; the classifier returned delegates to its result. */
  public static Classifier inBackground(java.util.function.Supplier<Classifier> loader) {
    var model = new java.util.concurrent.CompletableFuture<Classifier>();
    Thread.ofPlatform().daemon().name("parley-model-load").start(() -> {
      try {
        model.complete(loader.get());
      } catch (RuntimeException | Error e) {
        model.completeExceptionally(e);
      }
    });
    return new Loading(model);
  }

  /** A classifier still being read: every call waits for it; {@link #loaded()} says whether that would wait. */
  private record Loading(java.util.concurrent.CompletableFuture<Classifier> model) implements Classifier {
    @Override
    public parley.classify.Classification classify(String text) {
      return model.join().classify(text);
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
