package parley.importing;

import parley.store.Database;

/**
 * Whether an import should drop the secondary indexes of {@code comments} while it loads and rebuild them at the end
 * ({@link parley.store.CommentIndexes}). That turns a random insert into ten B-trees per row into one sort per index,
 * and on PostgreSQL spares the tree repair's rewrites of replies stored before their parent (each one a new entry in
 * every index), but a rebuild costs time for every row already in the table, so it pays only when the file brings at
 * least about as many comments as the table holds: the day a site moves in. Readers of a running instance on the same
 * PostgreSQL database are served without those indexes for the minutes of the load (slower, still right); uploads
 * through the dashboard never bulk-load. Export files take well over {@link #BYTES_PER_POST} bytes a post
 * (Disqus ~550 for short synthetic posts), so the file size gives a safe lower bound on the posts it holds.
 */
final class BulkLoad {
  static final long BYTES_PER_POST = 1_000;

  private BulkLoad() {}

  static boolean worthwhile(Database db, long fileBytes) {
    long existing = db.read(h -> h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Long.class).one());
    return existing < fileBytes / BYTES_PER_POST;
  }
}
