package parley.importing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.jdbi.v3.core.Handle;
import parley.store.Dialect;

/**
 * The pass after the stream: links posts that were stored before their parent (later in the file, or in a later
 * import) and corrects root and depth below them. It is planned in memory from the {@link SourceIdMap}, which holds
 * each post's row id, thread, root and depth as written: a post stored without its parent is the head of a group
 * (the rows whose root is its id, at depths relative to it), so linking a head moves its whole group at once. Only rows
 * whose parent, root or depth change are written, by primary key: no secondary index is needed (a bulk load runs this
 * before rebuilding them) and no thread is rewritten whole. A parent in another thread, a post naming itself and
 * reply cycles are left top-level and reported, like a parent that never appears.
 */
final class TreeRepair {
  /** A row's new place; {@code parentId} null keeps its parent. */
  record Change(long id, Long parentId, long root, int depth) {
    /** In the order of {@code tree_changes} and of SQLite's update: parent, root, depth, id. */
    void writeTo(RowValues values) throws SQLException {
      values.add(parentId).add(root).add(depth).add(id);
    }
  }

  record Result(List<Change> changes, long orphans, List<String> examples) {}

  private TreeRepair() {}

  /**
   * Plans the changes. {@code waiting} maps the source id of each post stored without its parent to its parent's
   * source id; {@code currentThread} follows threads merged during the import. Keeps at most {@code keep} examples.
   */
  static Result plan(SourceIdMap posts, Map<String, String> waiting, LongUnaryOperator currentThread, int keep) {
    Map<Long, SourceIdMap.Entry> heads = new HashMap<>(); // row id of a post stored without its parent → parent
    List<String> examples = new ArrayList<>();
    long[] orphans = {0};
    for (Map.Entry<String, String> w : waiting.entrySet()) {
      SourceIdMap.Entry post = posts.get(w.getKey());
      if (post == null) continue;
      SourceIdMap.Entry parent = w.getValue().equals(w.getKey()) ? null : posts.get(w.getValue());
      if (parent != null && currentThread.applyAsLong(parent.threadId()) != currentThread.applyAsLong(post.threadId())) {
        parent = null;
      }
      if (parent == null) {
        orphans[0]++;
        if (examples.size() < keep) examples.add(orphan(w.getKey(), w.getValue()));
      } else {
        heads.put(post.id(), parent);
      }
    }
    Map<Long, long[]> placed = new HashMap<>(); // head row id → {root, depth} once linked
    for (Long head : List.copyOf(heads.keySet())) {
      place(head, heads, placed, (post, parent) -> {
        orphans[0]++;
        if (examples.size() < keep) {
          examples.add("comment row " + post + " is in a reply cycle: kept as a top-level comment");
        }
      });
    }
    List<Change> changes = new ArrayList<>();
    heads.forEach((id, parent) -> {
      long[] at = placed.get(id);
      changes.add(new Change(id, parent.id(), at[0], (int) at[1]));
    });
    posts.forEach(e -> {
      long[] head = e.root() == 0 ? null : placed.get(e.root());
      if (head != null && heads.containsKey(e.root())) {
        changes.add(new Change(e.id(), null, head[0], (int) head[1] + e.depth()));
      }
    });
    return new Result(changes, orphans[0], examples);
  }

  private interface CycleReport {
    void broken(long postId, long parentId);
  }

  /**
   * Places a head and the heads it hangs from: walks up group by group to a real top-level post, then assigns root
   * and depth on the way back. A head met twice on one walk closes a cycle: it is unlinked and stays top-level.
   */
  private static void place(long start, Map<Long, SourceIdMap.Entry> heads, Map<Long, long[]> placed,
      CycleReport cycles) {
    List<Long> path = new ArrayList<>();
    Set<Long> onPath = new HashSet<>();
    long h = start;
    while (!placed.containsKey(h)) {
      SourceIdMap.Entry parent = heads.get(h);
      if (parent == null || !onPath.add(h)) {
        if (parent != null) {
          heads.remove(h);
          cycles.broken(h, parent.id());
        }
        placed.put(h, new long[] {h, 0});
        break;
      }
      path.add(h);
      h = group(parent);
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      long head = path.get(i);
      if (placed.containsKey(head)) continue;
      SourceIdMap.Entry parent = heads.get(head);
      long[] g = placed.get(group(parent));
      placed.put(head, new long[] {g[0], g[1] + parent.depth() + 1});
    }
  }

  /** The head of the group a row was written in: itself when top-level, else its root as written. */
  private static long group(SourceIdMap.Entry e) {
    return e.root() == 0 ? e.id() : e.root();
  }

  private static String orphan(String post, String parent) {
    return "comment " + post + " replies to comment " + parent + ", which is not in the file: kept as a top-level comment";
  }

  /**
   * Writes the planned changes by primary key: on SQLite one prepared single-row update each, batched (its planner
   * scans the table for an UPDATE … FROM VALUES: 40 s for 60,000 rows); on PostgreSQL one UPDATE from a temporary table.
   */
  static void apply(Handle h, Dialect dialect, List<Change> changes) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try (PreparedStatement st = h.getConnection().prepareStatement(
          "UPDATE comments SET parent_id = COALESCE(?, parent_id), root_id = ?, depth = ? WHERE id = ?")) {
        int n = 0;
        for (Change c : changes) {
          c.writeTo(RowValues.parameters(st, 1));
          st.addBatch();
          if (++n % 10_000 == 0) st.executeBatch();
        }
        st.executeBatch();
      }
      return;
    }
    // the changes go into a temporary table, then one UPDATE joins it: PostgreSQL reads the comments once (a hash
    // join) instead of a random primary-key lookup per changed row, and its statement trigger bumps each thread once
    // the update trigger keeps the changed rows before and after (V80): in memory, not spilled in 4 MB pieces
    h.execute("SET LOCAL work_mem = '256MB'");
    h.execute("CREATE TEMPORARY TABLE tree_changes (parent_id BIGINT, root_id BIGINT, depth INTEGER, id BIGINT) "
        + "ON COMMIT DROP");
    CopyCsv csv = new CopyCsv();
    for (Change c : changes) {
      c.writeTo(csv);
      csv.endRow();
      if (csv.chars() > 8 << 20) csv.copyInto(h.getConnection(), "tree_changes");
    }
    csv.copyInto(h.getConnection(), "tree_changes");
    h.execute("ANALYZE tree_changes");
    h.execute("""
        UPDATE comments SET parent_id = COALESCE(t.parent_id, comments.parent_id), root_id = t.root_id, depth = t.depth
        FROM tree_changes t WHERE comments.id = t.id""");
  }
}
