package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import parley.testing.TestDatabases;

class CommentIndexesTest {
  /** Name → CREATE statement of every index SQLite keeps for the comments table. */
  private static Map<String, String> indexes(Database db) {
    return db.read(h -> h.createQuery(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' AND sql IS NOT NULL")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void definitionsAreTheMigrationsOwn() {
    try (var file = TestDatabases.sqlite(); Database db = Database.open(file.url())) {
      Map<String, String> migrated = indexes(db);

      for (CommentIndexes.Definition d : CommentIndexes.SECONDARY) {
        assertThat(migrated).containsEntry(d.name(), d.createSql());
      }
      // every index but the unique key that imports upsert on is dropped during a bulk load
      assertThat(migrated.keySet()).containsExactlyInAnyOrderElementsOf(
          java.util.stream.Stream.concat(CommentIndexes.SECONDARY.stream().map(CommentIndexes.Definition::name),
              java.util.stream.Stream.of("comments_source")).toList());
    }
  }

  @Test
  void startUpRebuildsIndexesThatAKilledBulkLoadLeftDropped() {
    try (var file = TestDatabases.sqlite()) {
      Map<String, String> before;
      try (Database db = Database.open(file.url())) {
        before = indexes(db);
        CommentIndexes.drop(db);
        assertThat(indexes(db)).containsOnlyKeys("comments_source");
      }
      try (Database db = Database.open(file.url())) {
        assertThat(indexes(db)).isEqualTo(before);
        assertThat(CommentIndexes.ensure(db)).isEmpty();
      }
    }
  }

  @Test
  void onPostgresqlTooStartUpRebuildsWhatABulkLoadLeftDropped() {
    try (var pg = TestDatabases.postgres()) {
      try (Database db = Database.open(pg.url())) {
        CommentIndexes.drop(db);
        assertThat(pgIndexes(db)).containsExactlyInAnyOrder("comments_pkey", "comments_source");
      }
      try (Database db = Database.open(pg.url())) {
        assertThat(pgIndexes(db)).containsAll(
            CommentIndexes.SECONDARY.stream().map(CommentIndexes.Definition::name).toList());
        assertThat(CommentIndexes.ensure(db)).isEmpty();
      }
    }
  }

  private static java.util.List<String> pgIndexes(Database db) {
    return db.read(h -> h.createQuery(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'comments' AND schemaname = current_schema()")
        .mapTo(String.class).list());
  }
}
