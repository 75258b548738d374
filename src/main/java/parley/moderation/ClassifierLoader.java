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
