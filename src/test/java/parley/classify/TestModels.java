package parley.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared fixtures: the committed model (loaded once) and the dataset folder. */
final class TestModels {
  private static Classifier shipped;

  private TestModels() {}

  static synchronized Classifier shipped() {
    if (shipped == null) {
      try {
        shipped = Models.loadDefault();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shipped;
  }

  /**
   * {@code ../shared/datasets} relative to the project directory. A publisher's clone has none: training tests then
   * run on Parley's own hand-written augmentation set alone (in the repository), which the trainer falls back to.
   */
  static Path datasets() {
    return Path.of("..", "shared", "datasets").toAbsolutePath().normalize();
  }

  static boolean haveDatasets() {
    return Files.isDirectory(datasets().resolve("davidson2017"));
  }
}
