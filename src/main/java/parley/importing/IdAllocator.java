package parley.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jdbi.v3.core.Handle;
import parley.store.Dialect;

/**
 * Hands out comment ids for new rows inside one write transaction, so replies in the same batch can point at their
 * parent before it is inserted. PostgreSQL reserves them from the identity sequence (safe beside other writers);
 * SQLite continues after the highest id ever used, which is safe because the transaction holds the write lock by the
 * time its first insert runs (another writer in between makes SQLite fail the transaction, never reuse an id).
 */
final class IdAllocator {
  private final Handle h;
  private final Dialect dialect;
  private final Deque<Long> reserved = new ArrayDeque<>();
  private long next = -1;

  IdAllocator(Handle h, Dialect dialect) {
    this.h = h;
    this.dialect = dialect;
  }

  long next(int hint) {
    return switch (dialect) {
      case SQLITE -> {
        if (next < 0) {
          next = 1 + h.createQuery("""
                  SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'comments'), 0),
                             COALESCE((SELECT MAX(id) FROM comments), 0))""")
              .mapTo(Long.class).one();
        }
        yield next++;
      }
      case POSTGRESQL -> {
        if (reserved.isEmpty()) {
          reserved.addAll(h.createQuery(
                  "SELECT nextval(pg_get_serial_sequence('comments', 'id')) FROM generate_series(1, :n)")
              .bind("n", Math.max(hint, 64)).mapTo(Long.class).list());
        }
        yield reserved.poll();
      }
    };
  }
}
