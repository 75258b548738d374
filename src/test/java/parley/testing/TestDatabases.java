package parley.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import parley.store.Dialect;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on the server named by the
 * system property {@code parley.test.pg} (a JDBC URL to an existing database such as postgres). PostgreSQL is
 * mandatory: a machine without it fails these tests unless {@code -Dparley.test.pg=skip} is given. Every test that
 * runs on both databases gets them here, usually through {@link BothDatabases}.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A database that exists until {@link #close()}. */
  public record TestDb(Dialect dialect, String url, Runnable dropper) implements AutoCloseable {
    @Override
    public void close() {
      dropper.run();
    }

    @Override
    public String toString() {
      return dialect.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static TestDb create(Dialect dialect) {
    return switch (dialect) {
      case SQLITE -> sqlite();
      case POSTGRESQL -> postgres();
    };
  }

  public static TestDb sqlite() {
    try {
      Path dir = Files.createTempDirectory("parley-test-");
      return new TestDb(Dialect.SQLITE, "jdbc:sqlite:" + dir.resolve("parley.db"), () -> TempDirs.deleteQuietly(dir));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static TestDb postgres() {
    String admin = System.getProperty("parley.test.pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    org.junit.jupiter.api.Assumptions.assumeFalse("skip".equals(admin), "PostgreSQL tests skipped on request");
    String name = "parley_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(admin, "CREATE DATABASE " + name);
    String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    return new TestDb(Dialect.POSTGRESQL, url, () -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is required for this test (" + url + "): " + e.getMessage()
          + ". Start it, or pass -Dparley.test.pg=skip to skip PostgreSQL runs.", e);
    }
  }
}
