package parley.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Event ids the dispatcher skipped. On PostgreSQL ids come from a sequence when a transaction inserts, but become
 * visible when it commits, so id 7 may appear after 8 was sent; a skipped id is looked for again for
 * {@link #PATIENCE_MS} (a rolled-back transaction's id never comes). Used by the dispatcher thread only.
 */
final class Gaps {
  static final long PATIENCE_MS = 10_000;
  static final int MAX = 1_000;
  private final Map<Long, Long> missing = new LinkedHashMap<>(); // id -> when first missed

  /** Ids still worth asking for. */
  List<Long> open(long now) {
    for (Iterator<Long> it = missing.values().iterator(); it.hasNext(); ) if (now - it.next() > PATIENCE_MS) it.remove();
    return List.copyOf(missing.keySet());
  }

  /** Records event {@code id}, arriving when {@code last} was the highest seen so far. */
  void seen(long id, long last, long now) {
    if (missing.remove(id) != null || id <= last) return;
    for (long skipped = last + 1; skipped < id && missing.size() < MAX; skipped++) missing.put(skipped, now);
  }
}
