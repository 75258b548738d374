package parley.moderation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.classify.Classifier;

/**
 * Finds the bundled classifier ({@code parley.classify.Models.loadDefault()}) when it is on the class path. Looked
 * up by name so moderation builds before the classifier feature is merged; once it is, App may call it directly.
 */
public final class ClassifierLoader {
  private static final Logger log = LoggerFactory.getLogger(ClassifierLoader.class);

  private ClassifierLoader() {}

  /** The default classifier, or null (comments are then published unscored, each noting "classifier.off"). */
  public static Classifier loadDefault() {
    try {
      Object c = Class.forName("parley.classify.Models").getMethod("loadDefault").invoke(null);
      return (Classifier) c;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      log.warn("No classifier on the class path; comments are moderated by word lists and policy only");
      return null;
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof java.io.IOException missing) {
        // a build without the trained model: run unscored (each comment notes "classifier.off") rather than hold all
        log.error("The classifier's model is missing ({}); comments are moderated by word lists and policy only",
            missing.getMessage());
        return null;
      }
      log.error("The classifier failed to load; comments will be held as unscored", e.getCause());
      return text -> {
        throw new IllegalStateException("classifier failed to load");
      };
    } catch (ReflectiveOperationException | ClassCastException e) {
      log.error("The classifier failed to load; comments will be held as unscored", e);
      return text -> {
        throw new IllegalStateException("classifier failed to load");
      };
    }
  }
}
