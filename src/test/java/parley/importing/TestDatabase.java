package parley.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import parley.store.Database;
import parley.store.Dialect;

/** A fresh, migrated database for one test class: a SQLite file in a temp dir, or a new PostgreSQL database. */
public final class TestDatabase implements AutoCloseable {
  private final Database db;
  private final Runnable cleanup;

  private TestDatabase(Database db, Runnable cleanup) {
    this.db = db;
    this.cleanup = cleanup;
  }

  public static TestDatabase open(Dialect dialect) {
    return switch (dialect) {
      case SQLITE -> sqlite();
      case POSTGRESQL -> postgres();
    };
  }

  public Database db() {
    return db;
  }

  private static TestDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("parley-import-test");
      Database db = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
      return new TestDatabase(db, () -> delete(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TestDatabase postgres() {
    String base = System.getProperty("parley.test.pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    // README: `./parley test -Dparley.test.pg=skip` skips the PostgreSQL runs (they are skipped, not faked)
    org.junit.jupiter.api.Assumptions.assumeFalse("skip".equals(base), "PostgreSQL tests skipped on request");
    String name = "parley_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql(base, "CREATE DATABASE " + name);
    String url = base.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    Database db = Database.open(url);
    return new TestDatabase(db, () -> sql(base, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  private static void sql(String url, String statement) {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }

  @Override
  public void close() {
    db.close();
    cleanup.run();
  }
}
