package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.site.SiteStore;
import parley.testing.TestDatabases;

/**
 * The triggers that keep each thread's version (the cached page's key) and published count, written per dialect
 * (row triggers on SQLite, statement triggers with transition tables on PostgreSQL since V80), give the same
 * answers: multi-row inserts, one statement updating comments of two threads, an update of a column no reader sees,
 * a comment moved between threads, and a delete.
 */
class ThreadBumpTriggersTest {

  /** {version, published count} of each of the two threads, in order. */
  private static List<List<Long>> threads(Database db) {
    return db.read(h -> h.createQuery("SELECT version, published_count FROM threads ORDER BY id")
        .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2))).list());
  }

  private static long actualPublished(Database db, long thread) {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE thread_id = :t AND state = 'published'")
        .bind("t", thread).mapTo(Long.class).one());
  }

  private static int update(Database db, String sql) {
    return db.write(h -> h.createUpdate(sql).execute());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void versionsMoveAndCountsMatchACountAfterEveryKindOfWrite(Dialect dialect) {
    try (var file = TestDatabases.create(dialect); Database db = Database.open(file.url())) {
      new SiteStore(db, java.time.Clock.systemUTC()).upsert("s", "Site", List.of());
      update(db, "INSERT INTO threads (site_id, page_key, created_at) VALUES ('s', 'a', 0), ('s', 'b', 0)");
      List<Long> ids = db.read(h -> h.createQuery("SELECT id FROM threads ORDER BY id").mapTo(Long.class).list());
      long a = ids.get(0), b = ids.get(1);
      String row = "(%d, 'Ann', 'x', 'x', 0, '%s')";
      // one statement, rows of both threads, three states
      update(db, "INSERT INTO comments (thread_id, author_name, body_markdown, body_html, created_at, state) VALUES "
          + String.join(", ", row.formatted(a, "published"), row.formatted(a, "published"), row.formatted(a, "pending"),
              row.formatted(b, "published"), row.formatted(b, "rejected")));
      List<List<Long>> afterInsert = threads(db);
      assertThat(afterInsert.get(0).get(1)).isEqualTo(2);
      assertThat(afterInsert.get(1).get(1)).isEqualTo(1);
      assertThat(afterInsert).allSatisfy(t -> assertThat(t.get(0)).isPositive());

      // a column no reader sees: no new version, no new count
      update(db, "UPDATE comments SET scores = '{\"toxic\":0.1}'");
      assertThat(threads(db)).isEqualTo(afterInsert);

      // one statement: the pending comment of a is published, the published one of b rejected
      update(db, "UPDATE comments SET state = CASE state WHEN 'pending' THEN 'published' ELSE 'rejected' END "
          + "WHERE state = 'pending' OR (thread_id = " + b + " AND state = 'published')");
      List<List<Long>> afterStates = threads(db);
      assertThat(afterStates.get(0).get(1)).isEqualTo(3);
      assertThat(afterStates.get(1).get(1)).isZero();
      assertThat(afterStates.get(0).get(0)).isGreaterThan(afterInsert.get(0).get(0));
      assertThat(afterStates.get(1).get(0)).isGreaterThan(afterInsert.get(1).get(0));

      // a published comment moves from a to b: both threads change, the count follows it
      long moved = db.read(h -> h.createQuery("SELECT MIN(id) FROM comments WHERE thread_id = :a AND state = 'published'")
          .bind("a", a).mapTo(Long.class).one());
      update(db, "UPDATE comments SET thread_id = " + b + " WHERE id = " + moved);
      List<List<Long>> afterMove = threads(db);
      assertThat(afterMove.get(0).get(1)).isEqualTo(2);
      assertThat(afterMove.get(1).get(1)).isEqualTo(1);
      assertThat(afterMove.get(0).get(0)).isGreaterThan(afterStates.get(0).get(0));
      assertThat(afterMove.get(1).get(0)).isGreaterThan(afterStates.get(1).get(0));

      update(db, "DELETE FROM comments WHERE id = " + moved);
      assertThat(threads(db).get(1).get(1)).isZero();
      assertThat(threads(db).get(1).get(0)).isGreaterThan(afterMove.get(1).get(0));
      for (long t : ids) {
        assertThat(threads(db).get(ids.indexOf(t)).get(1)).isEqualTo(actualPublished(db, t));
      }
    }
  }

  /**
   * PL/pgSQL keeps the plan of a trigger's query per connection: before V81 a connection whose first update touched
   * one comment kept a nested loop over the statement's rows before and after, and its next update of many rows
   * (an import's tree repair) compared each with each, for hours. The bound below only catches that hang: the update
   * takes about a second.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aLargeUpdateAfterASmallOneOnTheSameConnectionStaysLinear() throws Exception {
    try (var file = TestDatabases.postgres(); Database db = Database.open(file.url());
        Connection c = db.dedicatedConnection(); Statement st = c.createStatement()) {
      new SiteStore(db, java.time.Clock.systemUTC()).upsert("s", "Site", List.of());
      update(db, "INSERT INTO threads (site_id, page_key, created_at) VALUES ('s', 'a', 0)");
      st.executeUpdate("INSERT INTO comments (thread_id, author_name, body_markdown, body_html, created_at, state) "
          + "SELECT (SELECT id FROM threads), 'Ann', 'x', 'x', n, 'published' FROM generate_series(1, 40000) n");
      long before = threads(db).get(0).get(0);

      assertThat(st.executeUpdate("UPDATE comments SET depth = 1 WHERE created_at = 1")).isEqualTo(1);
      assertThat(st.executeUpdate("UPDATE comments SET depth = 2, state = CASE WHEN created_at <= 10000 "
          + "THEN 'rejected' ELSE state END")).isEqualTo(40_000);

      assertThat(threads(db).get(0)).containsExactly(before + 2, 30_000L);
    }
  }
}
