package parley.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToLongFunction;
import java.util.function.LongUnaryOperator;
import parley.importing.CommentRows.Row;

/**
 * New rows a bulk load holds back while their place in the tree is unknown: a reply read before its parent (a head)
 * and the replies below it. Written at the end, in their final place, they cost one append each; written at once,
 * each would be written again by the tree repair, and on SQLite, whose table is ordered by row id, a third of a
 * shuffled file rewritten is most of the table's pages rewritten. Held rows carry negative stand-in ids and get their
 * real ids when they are written, parents first; no written row can point at a held one (its parent or root would
 * make it held too). Memory is bounded: past {@code maxBytes} of held text, the caller writes them where they stand.
 */
final class HeldRows {
  /** Rows to write, with their real ids, and each stand-in id's real id. */
  record Placed(List<Row> rows, Map<Long, Long> realIds) {
    long real(long id) {
      return id < 0 ? realIds.get(id) : id;
    }

    Long real(Long id) {
      return id == null ? null : real(id.longValue());
    }
  }

  private final Map<Long, Row> rows = new LinkedHashMap<>();
  private final Set<Long> heads = new HashSet<>();
  private final long maxBytes;
  private long bytes;
  private long nextStandIn = -1;

  HeldRows(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A budget of an eighth of the heap the JVM may grow to. */
  static HeldRows sizedToHeap() {
    return new HeldRows(Runtime.getRuntime().maxMemory() / 8);
  }

  /** Whether a new row belongs here: it awaits its parent, or it sits below a held row that does. */
  boolean wants(boolean late, long root) {
    return late || heads.contains(root);
  }

  boolean holds(long id) {
    return rows.containsKey(id);
  }

  long standInId() {
    return nextStandIn--;
  }

  /** Holds a row; the same id again replaces the earlier version where it stood. */
  void hold(Row row, boolean late) {
    Row before = rows.put(row.id(), row);
    if (before != null) bytes -= size(before);
    bytes += size(row);
    if (late) heads.add(row.id());
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int size() {
    return rows.size();
  }

  boolean full() {
    return bytes >= maxBytes;
  }

  /**
   * Empties the hold: each row moved to its place in {@code changes} (by stand-in id) if it has one and into the
   * thread its own merged into, sorted parents first, given real ids in that order.
   */
  Placed place(Map<Long, TreeRepair.Change> changes, LongUnaryOperator currentThread, IntToLongFunction ids) {
    List<Row> moved = new ArrayList<>(rows.size());
    for (Row r : rows.values()) {
      TreeRepair.Change c = changes.get(r.id());
      long thread = currentThread.applyAsLong(r.threadId());
      moved.add(c == null ? r.moved(thread, r.parentId(), r.rootId(), r.depth())
          : r.moved(thread, c.parentId() != null ? c.parentId() : r.parentId(), c.root(), c.depth()));
    }
    moved.sort(Comparator.comparingInt(Row::depth)); // stable: a parent is one level up, or earlier in the file
    Map<Long, Long> realIds = new HashMap<>();
    int left = moved.size();
    for (Row r : moved) realIds.put(r.id(), ids.applyAsLong(left--));
    Placed placed = new Placed(new ArrayList<>(moved.size()), realIds);
    for (Row r : moved) {
      placed.rows().add(r.renumbered(placed.real(r.id()), placed.real(r.parentId()), placed.real(r.rootId())));
    }
    rows.clear();
    heads.clear();
    bytes = 0;
    return placed;
  }

  private static long size(Row r) {
    return 2L * (length(r.markdown()) + length(r.html())) + 256;
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
