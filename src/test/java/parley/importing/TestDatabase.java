package parley.importing;

import parley.store.Database;
import parley.store.Dialect;
import parley.testing.TestDatabases;

/**
 * A fresh, migrated database for one test class: a SQLite file in a temp dir, or a new PostgreSQL database. Made by
 * {@link TestDatabases}, the one place that creates and drops test databases and honours
 * {@code -Dparley.test.pg=skip}.
 */
public final class TestDatabase implements AutoCloseable {
  private final Database db;
  private final TestDatabases.TestDb created;

  private TestDatabase(Database db, TestDatabases.TestDb created) {
    this.db = db;
    this.created = created;
  }

  public static TestDatabase open(Dialect dialect) {
    TestDatabases.TestDb created = TestDatabases.create(dialect);
    try {
      return new TestDatabase(Database.open(created.url()), created);
    } catch (RuntimeException e) {
      created.close();
      throw e;
    }
  }

  public Database db() {
    return db;
  }

  @Override
  public void close() {
    db.close();
    created.close();
  }
}
