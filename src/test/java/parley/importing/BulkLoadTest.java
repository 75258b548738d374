package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.site.SiteStore;
import parley.store.Database;
import parley.store.Dialect;

/** Imports that drop the comments' secondary indexes while loading and rebuild them at the end, on both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class BulkLoadTest {
  @Parameter
  Dialect dialect;
  private TestDatabase test;
  private Database db;

  @BeforeEach
  void open() {
    test = TestDatabase.open(dialect);
    db = test.db();
  }

  @AfterEach
  void close() {
    test.close();
  }

  private String site(String id) {
    new SiteStore(db, java.time.Clock.systemUTC()).upsert(id, id, List.of());
    return id;
  }

  private ImportReport importFile(String site, Path file, boolean bulkLoad) {
    return Imports.xml(db, Imports.Format.DISQUS, site, file, PageKey.PATH, new Importer.Options(3, 2, bulkLoad),
        Imports.ProgressFactory.NONE);
  }

  /** Index name → its row in the schema table (its oid on PostgreSQL): an index dropped and built again gets a new one. */
  private Map<String, Long> schemaRows() {
    String sql = dialect == Dialect.SQLITE
        ? "SELECT name, rowid FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments'"
        : "SELECT i.relname, i.oid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            + "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = 'comments' AND t.relnamespace = "
            + "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())";
    return db.read(h -> h.createQuery(sql)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /** Each comment of a site, by source id: parent's source id, depth, state, page key. */
  private List<String> shape(String site) {
    return db.read(h -> h.createQuery("""
            SELECT c.source_id || ' ' || COALESCE(p.source_id, '-') || ' ' || c.depth || ' ' || c.state || ' ' || t.page_key
            FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
            WHERE c.source = :source ORDER BY c.source_id""")
        .bind("source", "disqus:" + site).mapTo(String.class).list());
  }

  @Test
  void aBulkLoadRebuildsTheIndexesAndStoresWhatAnOrdinaryImportStores() {
    Map<String, Long> before = schemaRows();
    ImportReport bulk = importFile(site("bulk"), Fixtures.file("disqus-edge-cases.xml"), true);
    Map<String, Long> rebuilt = schemaRows();
    assertThat(rebuilt.keySet()).isEqualTo(before.keySet());
    assertThat(rebuilt.get("comments_source")).isEqualTo(before.get("comments_source"));
    assertThat(rebuilt.get("comments_thread_top")).isNotEqualTo(before.get("comments_thread_top"));

    // the table now holds more comments than the file could bring: no second drop
    ImportReport ordinary = importFile(site("ordinary"), Fixtures.file("disqus-edge-cases.xml"), true);
    assertThat(schemaRows()).isEqualTo(rebuilt);

    assertThat(bulk.inserted()).isEqualTo(ordinary.inserted()).isEqualTo(10);
    assertThat(bulk.orphans()).isEqualTo(ordinary.orphans()).isEqualTo(1);
    assertThat(bulk.warnings()).isEqualTo(ordinary.warnings());
    assertThat(shape("bulk")).isEqualTo(shape("ordinary")).contains("1004 1003 2 published /2019/03/trams");
    // the triggers kept each thread's published count and moved its version, one multi-row insert at a time
    assertThat(Fixtures.count(db, """
        SELECT COUNT(*) FROM threads t WHERE t.version = 0 OR t.published_count <>
          (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.state = 'published')""")).isZero();
    assertThat(Fixtures.count(db, "SELECT SUM(published_count) FROM threads")).isPositive();
  }

  @Test
  void aFailedBulkLoadLeavesTheIndexesInPlaceAndCanBeRerun() {
    String site = site("failing");
    Path malformed = Fixtures.edited("disqus-malformed.xml", "</disqus>", "<!--" + " padding ".repeat(200) + "--></disqus>");
    Map<String, Long> before = schemaRows();

    // a malformed file fails the check before the load: nothing is dropped, nothing written
    assertThatThrownBy(() -> importFile(site, malformed, true)).isInstanceOf(ImportException.class);
    assertThat(schemaRows()).isEqualTo(before);
    // a failure while loading (here: the reader fails after its records) rebuilds the dropped indexes
    Path good = Fixtures.edited("disqus-malformed.xml", "</authr>", "</author>");
    assertThatThrownBy(() -> Importer.run(db, site, "disqus", "failing.xml", new Importer.Options(3, 2, true),
        Progress.none(), null, sink -> {
          try (var in = java.nio.file.Files.newInputStream(good)) {
            new parley.importing.disqus.DisqusReader(PageKey.PATH).read(in, sink);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          throw new ImportException("the disk went away", null, null);
        })).isInstanceOf(ImportException.class);

    Map<String, Long> after = schemaRows();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("comments_thread_top")).isNotEqualTo(before.get("comments_thread_top"));
    ImportReport rerun = importFile(site, Fixtures.edited("disqus-malformed.xml", "</authr>", "</author>"), true);
    assertThat(rerun.comments()).isEqualTo(2);
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE source = ?", "disqus:" + site)).isEqualTo(2);
  }

  /**
   * A shuffled file (most replies before their parent) loads into the same trees three ways: late replies held back
   * and written at the end in their place, held back in a hold so small that it overflows again and again (its rows
   * written where they stand, the repair moving them later), and written at once and repaired (no bulk load).
   */
  @Test
  void aShuffledFileLoadsIntoTheSameTreesWhetherLateRepliesAreHeldBackOrRepaired(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shuffled.xml");
    try (var out = java.nio.file.Files.newBufferedWriter(file)) {
      new parley.importing.disqus.DisqusGenerator(40, 3_000, 11).shuffled().write(out);
    }
    ImportReport held = load(site("held"), file, true, HeldRows.sizedToHeap());
    ImportReport overflowing = load(site("overflowing"), file, true, new HeldRows(40_000));
    ImportReport repaired = load(site("repaired"), file, false, null);

    assertThat(held.inserted()).isEqualTo(overflowing.inserted()).isEqualTo(repaired.inserted()).isEqualTo(3_000);
    assertThat(held.orphans()).isEqualTo(overflowing.orphans()).isEqualTo(repaired.orphans());
    assertThat(shape("held")).isEqualTo(shape("repaired")).isEqualTo(shape("overflowing"));
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE depth > 1")).isPositive();
    // each comment's root is its top-level ancestor, and each thread's count is its published comments
    assertThat(Fixtures.count(db, """
        WITH RECURSIVE walk(id, top, d) AS (
          SELECT id, id, 0 FROM comments WHERE parent_id IS NULL
          UNION ALL SELECT c.id, w.top, w.d + 1 FROM comments c JOIN walk w ON c.parent_id = w.id)
        SELECT COUNT(*) FROM comments c JOIN walk w ON w.id = c.id
        WHERE c.depth <> w.d OR (w.d = 0 AND c.root_id IS NOT NULL) OR (w.d > 0 AND c.root_id <> w.top)""")).isZero();
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments")).isEqualTo(9_000);
    assertThat(Fixtures.count(db, """
        SELECT COUNT(*) FROM threads t WHERE t.published_count <>
          (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.state = 'published')""")).isZero();
    // a comment posted after a bulk load gets an id of its own
    long top = Fixtures.count(db, "SELECT MAX(id) FROM comments");
    db.write(h -> h.execute("INSERT INTO comments (thread_id, author_name, body_markdown, body_html, created_at, "
        + "state, source, source_id) SELECT MIN(id), 'Ann', 'x', 'x', 0, 'published', 'test', 'new' FROM threads"));
    assertThat(Fixtures.count(db, "SELECT id FROM comments WHERE source = 'test'")).isGreaterThan(top);
  }

  private ImportReport load(String site, Path file, boolean bulkLoad, HeldRows hold) {
    return Importer.run(db, site, "disqus", file.getFileName().toString(), new Importer.Options(500, 2, bulkLoad),
        Progress.none(), null, sink -> {
          try (var in = java.nio.file.Files.newInputStream(file)) {
            new parley.importing.disqus.DisqusReader(PageKey.PATH).read(in, sink);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, hold);
  }

  @Test
  void worthwhileOnlyWhileTheFileOutweighsTheTable() {
    assertThat(BulkLoad.worthwhile(db, 50_000)).isTrue();
    importFile(site("some"), Fixtures.file("disqus-edge-cases.xml"), false);
    assertThat(BulkLoad.worthwhile(db, 10_000)).isFalse();
    assertThat(BulkLoad.worthwhile(db, 11 * BulkLoad.BYTES_PER_POST)).isTrue();
  }
}
