package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import parley.testing.BothDatabases;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/**
 * The start-up check that lets a current database open without Flyway: yes only when every shipped migration is
 * recorded with Flyway's own version and checksum, no for anything Flyway would still have to do.
 */
class CurrentSchemaTest {
  @BothDatabases
  void aNewDatabaseIsNotCurrentAndAMigratedOneIs(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind); Connection c = DriverManager.getConnection(db.url())) {
      assertThat(CurrentSchema.isCurrent(c, kind)).isFalse();
      Database.open(db.url()).close();
      assertThat(CurrentSchema.isCurrent(c, kind)).isTrue();
    }
  }

  @BothDatabases
  void theChecksumsAreTheOnesFlywayRecorded(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind)) {
      Database.open(db.url()).close();
      Map<String, Integer> recorded = new HashMap<>();
      try (Connection c = DriverManager.getConnection(db.url()); var st = c.createStatement();
          var rs = st.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE success")) {
        while (rs.next()) recorded.put(rs.getString(1), rs.getInt(2));
      }
      var shipped = CurrentSchema.shipped(kind).orElseThrow();
      assertThat(shipped).hasSizeGreaterThan(30).hasSize(recorded.size());
      for (var m : shipped) assertThat(recorded).containsEntry(m.version(), m.checksum());
    }
  }

  @BothDatabases
  void aMissingOrEditedMigrationIsNotCurrentButAFutureOneIs(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind); Connection c = DriverManager.getConnection(db.url());
        var st = c.createStatement()) {
      Database.open(db.url()).close();
      st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (9999, '9999', 'from a newer release', 'SQL',"
          + " 'V9999__newer.sql', 1, 'test', 1, " + (kind == Dialect.POSTGRESQL ? "true" : "1") + ")");
      assertThat(CurrentSchema.isCurrent(c, kind)).as("a newer release's migration changes nothing here").isTrue();

      String latest = CurrentSchema.shipped(kind).orElseThrow().stream().map(CurrentSchema.Migration::version)
          .max(java.util.Comparator.comparing(v -> Integer.parseInt(v.split("\\.")[0]))).orElseThrow();
      st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '" + latest + "'");
      assertThat(CurrentSchema.isCurrent(c, kind)).as("an edited migration").isFalse();
      st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '" + latest + "'");
      assertThat(CurrentSchema.isCurrent(c, kind)).isTrue();

      st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '1.1'");
      assertThat(CurrentSchema.isCurrent(c, kind)).as("a migration not applied yet").isFalse();
    }
  }

  @BothDatabases
  void aCurrentDatabaseOpensAgainWithItsData(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind)) {
      try (Database first = Database.open(db.url())) {
        first.write(h -> h.execute("INSERT INTO sites (id, name, origins, created_at) VALUES ('kept', 'Kept', '', 1)"));
      }
      try (Database again = Database.open(db.url())) {
        assertThat(again.migrated()).isTrue();
        String name = again.read(h -> h.createQuery("SELECT name FROM sites WHERE id = 'kept'").mapTo(String.class).one());
        assertThat(name).isEqualTo("Kept");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void checksumsFollowFlywaysRule() throws Exception {
    // CRC32 over each line's UTF-8 bytes: line breaks (\n or \r\n) and a leading BOM do not count
    int plain = CurrentSchema.checksum(stream("CREATE TABLE a (x INT);\nSELECT 1;\n"));
    assertThat(CurrentSchema.checksum(stream("\uFEFFCREATE TABLE a (x INT);\r\nSELECT 1;"))).isEqualTo(plain);
    assertThat(CurrentSchema.checksum(stream("CREATE TABLE a (x INT);\nSELECT 2;\n"))).isNotEqualTo(plain);
  }

  @org.junit.jupiter.api.Test
  void migrationsAreListedFromAJarAsFromAFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path jar = dir.resolve("migrations.jar");
    try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      for (String name : new String[] {"V1__first.sql", "V1_1__second.sql", "V12__third.sql"}) {
        out.putNextEntry(new java.util.jar.JarEntry("db/migration/sqlite/" + name));
        out.write(("-- " + name + "\nSELECT 1;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.putNextEntry(new java.util.jar.JarEntry("db/migration/postgresql/R__repeatable.sql"));
      out.write("SELECT 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var shipped = CurrentSchema.shipped(Dialect.SQLITE, jar).orElseThrow();
    assertThat(shipped).extracting(CurrentSchema.Migration::version).containsExactlyInAnyOrder("1", "1.1", "12");
    assertThat(shipped).contains(new CurrentSchema.Migration("1.1",
        CurrentSchema.checksum(stream("-- V1_1__second.sql\nSELECT 1;\n"))));
    assertThat(CurrentSchema.shipped(Dialect.POSTGRESQL, jar)).as("a repeatable migration: Flyway decides").isEmpty();
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    assertThat(CurrentSchema.shipped(Dialect.SQLITE, classes)).as("the build's own folder")
        .isEqualTo(CurrentSchema.shipped(Dialect.SQLITE));
  }

  private static java.io.InputStream stream(String s) {
    return new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
