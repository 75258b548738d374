package parley.importing;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The second pass after the stream: links posts whose parent came later in the file (or in a later import), then
 * recomputes root and depth in the threads concerned. Posts whose parent never appeared stay top-level.
 */
final class TreeRepair {
  private static final String WAITING =
      "source = :source AND parent_id IS NULL AND parent_source_id IS NOT NULL";

  private TreeRepair() {}

  /** Returns the posts still without their parent, as "post id → missing parent id" lines (at most {@code keep}). */
  static Result run(Handle h, String source, int keep) {
    List<Long> threads = h.createQuery("SELECT DISTINCT thread_id FROM comments WHERE " + WAITING)
        .bind("source", source).mapTo(Long.class).list();
    if (threads.isEmpty()) return new Result(0, List.of());
    h.createUpdate("""
            UPDATE comments SET parent_id = (SELECT p.id FROM comments p WHERE p.source = comments.source
              AND p.source_id = comments.parent_source_id AND p.thread_id = comments.thread_id AND p.id <> comments.id)
            WHERE\s""" + WAITING)
        .bind("source", source).execute();
    for (int i = 0; i < threads.size(); i += 500) {
      recompute(h, threads.subList(i, Math.min(threads.size(), i + 500)));
    }
    long orphans = h.createQuery("SELECT COUNT(*) FROM comments WHERE " + WAITING)
        .bind("source", source).mapTo(Long.class).one();
    List<String> examples = h.createQuery("SELECT source_id, parent_source_id FROM comments WHERE " + WAITING
            + " ORDER BY id LIMIT :keep")
        .bind("source", source).bind("keep", keep)
        .map((rs, ctx) -> "comment " + rs.getString(1) + " replies to comment " + rs.getString(2)
            + ", which is not in the file: kept as a top-level comment")
        .list();
    return new Result(orphans, new ArrayList<>(examples));
  }

  record Result(long orphans, List<String> examples) {}

  /** Sets root_id and depth from parent_id for every comment of the given threads. */
  static void recompute(Handle h, List<Long> threadIds) {
    h.createUpdate("""
            WITH RECURSIVE tree(id, thread_id, root, depth) AS (
              SELECT id, thread_id, id, 0 FROM comments WHERE parent_id IS NULL AND thread_id IN (<threads>)
              UNION ALL
              SELECT c.id, c.thread_id, tree.root, tree.depth + 1 FROM comments c
              JOIN tree ON c.thread_id = tree.thread_id AND c.parent_id = tree.id)
            UPDATE comments SET root_id = CASE WHEN tree.depth = 0 THEN NULL ELSE tree.root END, depth = tree.depth
            FROM tree WHERE comments.id = tree.id""")
        .bindList("threads", threadIds)
        .execute();
  }
}
