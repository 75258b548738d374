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

  /** {@code ../shared/datasets} relative to the project directory; fails clearly when absent. */
  static Path datasets() {
    Path p = Path.of("..", "shared", "datasets").toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) throw new IllegalStateException("datasets not found at " + p + ": tests need ../shared/datasets");
    return p;
  }
}
