package parley.store;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The secondary indexes of {@code comments}, exactly as the migrations create them (the same in both dialects), so a
 * bulk import can drop them and build them again over the loaded rows (one sort each instead of a random insert per
 * row and index; on PostgreSQL also no index entries for the rows the tree repair rewrites).
 * {@code comments_source} is not among them: imports upsert on it. {@link #ensure} runs at every start-up, so an
 * import killed before it rebuilt them leaves a database that the next start repairs. A test compares these
 * definitions with the migrated schema.
 */
public final class CommentIndexes {
  /** Name and definition of each index, in the order the migrations create them. */
  public record Definition(String name, String columns) {
    public String createSql() {
      return "CREATE INDEX " + name + " ON comments (" + columns + ")";
    }
  }

  public static final List<Definition> SECONDARY = List.of(
      new Definition("comments_thread_top", "thread_id, parent_id, created_at, id"),
      new Definition("comments_thread_root", "thread_id, root_id"),
      new Definition("comments_state", "state, created_at"),
      new Definition("comments_thread_state", "thread_id, state"),
      new Definition("comments_author_account", "author_account_id, created_at"),
      new Definition("comments_client", "client_hash, created_at"),
      new Definition("comments_author_email", "LOWER(author_email)"),
      new Definition("comments_author_name", "author_name"),
      new Definition("comments_thread_score", "thread_id, parent_id, score DESC, created_at, id"));

  private CommentIndexes() {}

  /** Drops the secondary indexes, in one transaction. */
  public static void drop(Database db) {
    db.write(h -> {
      for (Definition d : SECONDARY) h.execute("DROP INDEX IF EXISTS " + d.name());
      return null;
    });
  }

  /** Creates whichever secondary index is missing, in one transaction; returns their names. */
  public static List<String> ensure(Database db) {
    List<String> missing = db.read(h -> missing(h, db.dialect()));
    if (missing.isEmpty()) return missing;
    return db.write(h -> {
      // the default 64 MB makes PostgreSQL sort a million keys on disk in several passes
      if (db.dialect() == Dialect.POSTGRESQL) h.execute("SET LOCAL maintenance_work_mem = '256MB'");
      for (Definition d : SECONDARY) h.execute(d.createSql().replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
      return missing;
    });
  }

  private static List<String> missing(Handle h, Dialect dialect) {
    String names = dialect == Dialect.SQLITE
        ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments'"
        : "SELECT indexname FROM pg_indexes WHERE tablename = 'comments' AND schemaname = current_schema()";
    List<String> present = h.createQuery(names).mapTo(String.class).list();
    return SECONDARY.stream().map(Definition::name).filter(name -> !present.contains(name)).toList();
  }
}
