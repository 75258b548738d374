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

  @Test
  void onPostgresqlABulkLoadsForeignKeysComeBackValidatedOrEnforcedForNewRows() {
    try (var pg = TestDatabases.postgres()) {
      try (Database db = Database.open(pg.url())) {
        assertThat(foreignKeys(db)).containsAllEntriesOf(allValid());
        CommentIndexes.drop(db);
        assertThat(foreignKeys(db)).doesNotContainKeys(allValid().keySet().toArray(String[]::new));
        // what a live instance may write during the load is checked when the keys come back
        db.write(h -> h.execute("INSERT INTO comments (id, thread_id, author_name, body_markdown, body_html, "
            + "created_at, state, source, source_id) VALUES (900001, 424242, 'Ann', 'x', 'x', 0, 'published', 'disqus:s', '1')"));
      }
      try (Database db = Database.open(pg.url())) {
        // the dangling thread id fails validation: that key stays enforced for new rows, the others are valid
        Map<String, Boolean> keys = foreignKeys(db);
        assertThat(keys).containsEntry("comments_thread_id_fkey", false)
            .containsEntry("comments_parent_id_fkey", true).containsEntry("comments_root_id_fkey", true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.write(h -> h.execute("INSERT INTO comments (id, "
                + "thread_id, author_name, body_markdown, body_html, created_at, state, source, source_id) "
                + "VALUES (900002, 434343, 'Bo', 'x', 'x', 0, 'published', 'disqus:s', '2')")))
            .hasMessageContaining("comments_thread_id_fkey");
        db.write(h -> h.execute("DELETE FROM comments WHERE id = 900001"));
        assertThat(CommentIndexes.ensure(db)).containsExactly("comments_thread_id_fkey");
        assertThat(foreignKeys(db)).containsAllEntriesOf(allValid());
      }
    }
  }

  private static Map<String, Boolean> allValid() {
    return CommentIndexes.FOREIGN_KEYS.stream()
        .collect(Collectors.toMap(CommentIndexes.ForeignKey::name, k -> true));
  }

  /** Name → validated, of each foreign key on comments. */
  private static Map<String, Boolean> foreignKeys(Database db) {
    return db.read(h -> h.createQuery("SELECT conname, convalidated FROM pg_constraint "
            + "WHERE conrelid = 'comments'::regclass AND contype = 'f'")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private static java.util.List<String> pgIndexes(Database db) {
    return db.read(h -> h.createQuery(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'comments' AND schemaname = current_schema()")
        .mapTo(String.class).list());
  }
}
