package parley.importing;

import parley.store.Database;
import parley.store.Dialect;

/**
 * Whether an import should drop the secondary indexes of {@code comments} while it loads and rebuild them at the end
 * ({@link parley.store.CommentIndexes}). On SQLite that turns a random insert into six B-trees per row into one sort
 * per index, but a rebuild costs time for every row already in the table, so it pays only when the file brings at
 * least about as many comments as the table holds. Export files take well over {@link #BYTES_PER_POST} bytes a post
 * (Disqus ~550 for short synthetic posts), so the file size gives a safe lower bound on the posts it holds.
 */
final class BulkLoad {
  static final long BYTES_PER_POST = 1_000;

  private BulkLoad() {}

  static boolean worthwhile(Database db, long fileBytes) {
    if (db.dialect() != Dialect.SQLITE) return false;
    long existing = db.read(h -> h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Long.class).one());
    return existing < fileBytes / BYTES_PER_POST;
  }
}
