package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import parley.testing.BothDatabases;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/**
 * A database made by the release before thread identity (every migration up to V71 but V46 and V47, which came
 * later with a lower version) opens and gets them: versions are handed out per branch, so they arrive out of order.
 */
class OutOfOrderMigrationTest {
  @BothDatabases
  void aDatabaseAheadOfALowerNewMigrationStillOpensAndGetsIt(Dialect kind) throws Exception {
    Path shipped = Path.of("target", "classes", "db", "migration", kind.name().toLowerCase(Locale.ROOT));
    Path older = Files.createTempDirectory("before-thread-identity");
    try (var files = Files.list(shipped); TestDb db = TestDatabases.create(kind)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.startsWith("V46__") && !name.startsWith("V47__")) Files.copy(f, older.resolve(name));
      }
      Flyway.configure().dataSource(db.url(), null, null)
          .locations("filesystem:" + older).load().migrate();
      try (var c = java.sql.DriverManager.getConnection(db.url()); var st = c.createStatement()) {
        st.execute("INSERT INTO sites (id, name, origins, created_at) VALUES ('old', 'Old', '', 1)");
      }
      try (Database opened = Database.open(db.url())) {
        assertThat(opened.migrated()).isTrue();
        int aliases = opened.read(h -> h.createQuery("SELECT COUNT(*) FROM thread_aliases").mapTo(Integer.class).one());
        String params = opened.read(h -> h.createQuery("SELECT page_params FROM sites WHERE id = 'old'")
            .mapTo(String.class).one());
        assertThat(aliases).isZero();
        assertThat(params).isEmpty();
      }
    } finally {
      try (var left = Files.list(older)) {
        for (Path f : left.toList()) Files.delete(f);
      }
      Files.delete(older);
    }
  }
}
