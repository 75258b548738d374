package parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pool, migrations and Jdbi for one database. Thread-safe.
 *
 * <p>SQLite allows one writer at a time; rather than spin on SQLITE_BUSY, writes are serialized in-process by
 * {@link #write}. PostgreSQL writes run concurrently, so several Parley instances can share one database.
 */
public final class Database implements AutoCloseable {
  private final Dialect dialect;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final ReentrantLock sqliteWriteLock = new ReentrantLock();
  private final java.util.List<Runnable> afterWrites = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Database(Dialect dialect, HikariDataSource pool) {
    this.dialect = dialect;
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
  }

  /** Opens (creating the SQLite file if needed) and migrates the database behind the JDBC URL. */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, null);
  }

  /** As {@link #open(String)}, publishing the pool's figures (connections, waits) to {@code meters} if given. */
  public static Database open(String jdbcUrl, io.micrometer.core.instrument.MeterRegistry meters) {
    Dialect dialect = Dialect.of(jdbcUrl);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("parley-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    switch (dialect) {
      case SQLITE -> {
        hikari.setDataSource(sqliteDataSource(jdbcUrl));
        hikari.setMaximumPoolSize(8);
      }
      case POSTGRESQL -> {
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setMaximumPoolSize(16);
      }
    }
    if (meters != null) hikari.setMetricRegistry(meters);
    HikariDataSource pool = new HikariDataSource(hikari);
    try {
      if (!CurrentSchema.isCurrent(pool, dialect)) flyway(pool, dialect).migrate();
    } catch (RuntimeException e) {
      pool.close();
      String why = StorageFailure.reason(e).orElse(null);
      if (why != null) throw new StorageUnavailableException("Cannot write the database " + where(jdbcUrl) + ": " + why, e);
      throw e;
    }
    Database db = new Database(dialect, pool);
    // a bulk import that was killed before rebuilding the indexes it dropped leaves them missing: build them now
    CommentIndexes.ensure(db);
    return db;
  }

  private static SQLiteDataSource sqliteDataSource(String jdbcUrl) {
    String file = where(jdbcUrl);
    if (!file.startsWith(":memory:")) StorageFailure.requireWritable(Path.of(file));
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(jdbcUrl);
    return ds;
  }

  /** The SQLite file a URL names (without its pragma parameters), or the URL itself for a server. */
  static String where(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:sqlite:")) return jdbcUrl.replaceAll("password=[^&]*", "password=…");
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    return query < 0 ? file : file.substring(0, query);
  }

  public Dialect dialect() {
    return dialect;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Runs a read; concurrent with everything. */
  public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
    return jdbi.withHandle(callback);
  }

  /** Runs a write in one transaction; serialized on SQLite. */
  public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
    R result;
    if (dialect == Dialect.SQLITE) sqliteWriteLock.lock();
    try {
      result = jdbi.inTransaction(callback);
    } finally {
      if (dialect == Dialect.SQLITE) sqliteWriteLock.unlock();
    }
    for (Runnable r : afterWrites) r.run();
    return result;
  }

  /** Runs {@code hook} after every committed {@link #write} (it must be quick): live updates wake up on it. */
  public void afterWrites(Runnable hook) {
    afterWrites.add(hook);
  }

  /** A connection of its own, outside the pool, for a PostgreSQL {@code LISTEN} that lasts as long as the process. */
  public java.sql.Connection dedicatedConnection() throws java.sql.SQLException {
    if (dialect != Dialect.POSTGRESQL) throw new IllegalStateException("only PostgreSQL connections are shared by LISTEN");
    return java.sql.DriverManager.getConnection(pool.getJdbcUrl());
  }

  /** Whether a connection can be had and answers a trivial query within a second; for readiness checks. */
  public boolean reachable() {
    try (var c = pool.getConnection()) {
      return c.isValid(1);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  /** Whether every migration this build ships has been applied (another instance may be mid-upgrade). */
  public boolean migrated() {
    return CurrentSchema.isCurrent(pool, dialect) || flyway(pool, dialect).info().pending().length == 0;
  }

  /**
   * Flyway over this dialect's migrations. Out of order: versions are handed out per feature branch, so a release can
   * bring a version below one a database already has (V46 after V71); each such migration touches only its own tables
   * and columns.
   */
  private static Flyway flyway(javax.sql.DataSource pool, Dialect dialect) {
    return Flyway.configure().dataSource(pool).locations(dialect.migrations()).outOfOrder(true).load();
  }

  /** For callers that need a raw handle inside {@link #write}. */
  public static void requireTransaction(Handle handle) {
    if (!handle.isInTransaction()) throw new IllegalStateException("must run inside Database.write");
  }

  @Override
  public void close() {
    pool.close();
  }
}
