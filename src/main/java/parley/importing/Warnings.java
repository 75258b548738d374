package parley.importing;

import java.util.ArrayList;
import java.util.List;

/** Collects warnings: all are counted, the first 20 are kept. Thread-safe. */
final class Warnings {
  private static final int KEPT = 20;
  private final List<String> kept = new ArrayList<>();
  private long count;

  synchronized void add(String message) {
    count++;
    if (kept.size() < KEPT) kept.add(message);
  }

  synchronized List<String> kept() {
    return List.copyOf(kept);
  }

  synchronized long count() {
    return count;
  }
}
