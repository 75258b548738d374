package parley.store;

import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secondary indexes of {@code comments}, exactly as the migrations create them (the same in both dialects), so a
 * bulk import can drop them and build them again over the loaded rows (one sort each instead of a random insert per
 * row and index; on PostgreSQL also no index entries for the rows the tree repair rewrites).
 * {@code comments_source} is not among them: imports upsert on it. {@link #ensure} runs at every start-up, so an
 * import killed before it rebuilt them leaves a database that the next start repairs. A test compares these
 * definitions with the migrated schema.
 *
 * <p>On PostgreSQL a bulk load drops the foreign keys of {@code comments} too: each is a query per row inserted or
 * repaired, a third of the load's time for a million rows. They come back {@code NOT VALID} (enforced from then on)
 * and are then validated by one join over the table; a key that fails validation stays enforced for new rows and is
 * logged.
 */
public final class CommentIndexes {
  private static final Logger log = LoggerFactory.getLogger(CommentIndexes.class);

  /** Name and definition of each index, in the order the migrations create them. */
  public record Definition(String name, String columns, String where) {
    public Definition(String name, String columns) {
      this(name, columns, null);
    }

    public String createSql() {
      return "CREATE INDEX " + name + " ON comments (" + columns + ")" + (where == null ? "" : " WHERE " + where);
    }
  }

  /**
   * Comments whose decision is still provisional (published on the fast stage's scores, V84): the partial index's
   * condition, which a query must repeat word for word for the planners to use the index.
   */
  public static final String PROVISIONAL = "moderation LIKE '%\"by\":\"provisional\"%'";

  public static final List<Definition> SECONDARY = List.of(
      new Definition("comments_thread_top", "thread_id, parent_id, created_at, id"),
      new Definition("comments_thread_root", "thread_id, root_id"),
      new Definition("comments_state", "state, created_at"),
      new Definition("comments_thread_state", "thread_id, state"),
      new Definition("comments_author_account", "author_account_id, created_at"),
      new Definition("comments_client", "client_hash, created_at"),
      new Definition("comments_author_email", "LOWER(author_email)"),
      new Definition("comments_author_name", "author_name"),
      new Definition("comments_thread_score", "thread_id, parent_id, score DESC, created_at, id"),
      new Definition("comments_author_username", "author_username",
          "author_email IS NULL AND author_username IS NOT NULL"),
      new Definition("comments_provisional", "id", PROVISIONAL));

  /** A foreign key of {@code comments} as the migrations name it (PostgreSQL). */
  public record ForeignKey(String name, String column, String table) {
    String addSql() {
      return "ALTER TABLE comments ADD CONSTRAINT " + name + " FOREIGN KEY (" + column + ") REFERENCES " + table
          + "(id) NOT VALID";
    }
  }

  public static final List<ForeignKey> FOREIGN_KEYS = List.of(
      new ForeignKey("comments_thread_id_fkey", "thread_id", "threads"),
      new ForeignKey("comments_parent_id_fkey", "parent_id", "comments"),
      new ForeignKey("comments_root_id_fkey", "root_id", "comments"));

  private CommentIndexes() {}

  /** Drops the secondary indexes (and on PostgreSQL the foreign keys above), in one transaction. */
  public static void drop(Database db) {
    db.write(h -> {
      for (Definition d : SECONDARY) h.execute("DROP INDEX IF EXISTS " + d.name());
      if (db.dialect() == Dialect.POSTGRESQL) {
        for (ForeignKey k : FOREIGN_KEYS) h.execute("ALTER TABLE comments DROP CONSTRAINT IF EXISTS " + k.name());
      }
      return null;
    });
  }

  /**
   * Creates whichever secondary index is missing, in one transaction, then restores and validates missing or
   * unvalidated foreign keys; returns the names of what it restored.
   */
  public static List<String> ensure(Database db) {
    List<String> missing = db.read(h -> missing(h, db.dialect()));
    List<ForeignKey> keys = db.dialect() == Dialect.POSTGRESQL ? db.read(CommentIndexes::unvalidatedKeys) : List.of();
    if (!missing.isEmpty()) {
      db.write(h -> {
        // the default 64 MB makes PostgreSQL sort a million keys on disk in several passes
        if (db.dialect() == Dialect.POSTGRESQL) h.execute("SET LOCAL maintenance_work_mem = '256MB'");
        if (db.dialect() == Dialect.SQLITE) {
          // SQLite sizes its sort runs from the page cache: an import's 64 MB cache made each build half as fast as
          // the default 2 MB one (many small runs merge on worker threads); the workers use the other cores
          h.execute("PRAGMA cache_size = -2000");
          h.execute("PRAGMA threads = " + Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
        for (Definition d : SECONDARY) h.execute(d.createSql().replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"));
        if (db.dialect() == Dialect.SQLITE) h.execute("PRAGMA threads = 0");
        return null;
      });
    }
    for (ForeignKey k : keys) restore(db, k);
    return Stream.concat(missing.stream(), keys.stream().map(ForeignKey::name)).toList();
  }

  private static void restore(Database db, ForeignKey key) {
    db.write(h -> {
      boolean present = h.createQuery("SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'comments'::regclass "
          + "AND conname = :name").bind("name", key.name()).mapTo(Integer.class).one() > 0;
      if (!present) h.execute(key.addSql());
      return null;
    });
    try {
      db.write(h -> {
        h.execute("SET LOCAL work_mem = '256MB'");
        h.execute("ALTER TABLE comments VALIDATE CONSTRAINT " + key.name());
        return null;
      });
    } catch (RuntimeException e) {
      log.warn("comments.{} references rows that are gone; the key is enforced for new rows only: {}", key.column(),
          e.getMessage());
    }
  }

  private static List<ForeignKey> unvalidatedKeys(Handle h) {
    List<String> valid = h.createQuery("SELECT conname FROM pg_constraint WHERE conrelid = 'comments'::regclass "
        + "AND contype = 'f' AND convalidated").mapTo(String.class).list();
    return FOREIGN_KEYS.stream().filter(k -> !valid.contains(k.name())).toList();
  }

  private static List<String> missing(Handle h, Dialect dialect) {
    String names = dialect == Dialect.SQLITE
        ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments'"
        : "SELECT indexname FROM pg_indexes WHERE tablename = 'comments' AND schemaname = current_schema()";
    List<String> present = h.createQuery(names).mapTo(String.class).list();
    return SECONDARY.stream().map(Definition::name).filter(name -> !present.contains(name)).toList();
  }
}
