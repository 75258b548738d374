package parley.importing.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.ImportCounts;
import parley.importing.ImportReport;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.store.Database;
import parley.store.Dialect;

/**
 * Issue 14: the corpus of export files under {@code src/test/resources/imports/} (one per variation other systems
 * write: see each file's name), each imported into SQLite and PostgreSQL with its expected counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  static Path file(String name) {
    try {
      return Path.of(CorpusTest.class.getResource("/imports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Imports.Format format(String name) {
    if (name.startsWith("remark42")) return Imports.Format.REMARK42;
    if (name.startsWith("commento") || name.startsWith("comentario")) return Imports.Format.COMMENTO;
    if (name.startsWith("isso")) return Imports.Format.ISSO;
    return name.startsWith("disqus") ? Imports.Format.DISQUS : Imports.Format.WORDPRESS;
  }

  private ImportReport load(Dialect dialect, String site, String name) {
    // Isso's export is its SQLite database: built from the script beside the other files
    Path file = name.endsWith(".sql") ? parley.importing.isso.IssoFixture.database(file(name)) : file(name);
    return Imports.xml(databases.get(dialect), format(name), site, file, PageKey.PATH,
        new Importer.Options(2, 2), Imports.ProgressFactory.NONE);
  }

  @ParameterizedTest(name = "{0} into {1}")
  @CsvSource({
      // file,                          db,    threads, comments, published, held, rejected, deleted, authors, pingbacks, orphans, placeholders, warnings, kept top-level (a reply to a post of another thread is one)
      "disqus-01-plain.xml,               SQLITE, 2, 4, 4, 0, 0, 0, 3, 0, 0, 0, 0, 0",
      "disqus-01-plain.xml,               POSTGRESQL, 2, 4, 4, 0, 0, 0, 3, 0, 0, 0, 0, 0",
      "disqus-02-missing-optional.xml,    SQLITE, 2, 3, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0",
      "disqus-02-missing-optional.xml,    POSTGRESQL, 2, 3, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0",
      "disqus-03-out-of-order.xml,        SQLITE, 2, 4, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "disqus-03-out-of-order.xml,        POSTGRESQL, 2, 4, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "disqus-04-orphans.xml,             SQLITE, 1, 5, 5, 0, 0, 0, 1, 0, 1, 2, 4, 1",
      "disqus-04-orphans.xml,             POSTGRESQL, 1, 5, 5, 0, 0, 0, 1, 0, 1, 2, 4, 1",
      "disqus-05-string-ids.xml,          SQLITE, 2, 3, 3, 0, 0, 0, 1, 0, 0, 0, 1, 1",
      "disqus-05-string-ids.xml,          POSTGRESQL, 2, 3, 3, 0, 0, 0, 1, 0, 0, 0, 1, 1",
      "disqus-06-states.xml,              SQLITE, 1, 5, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0",
      "disqus-06-states.xml,              POSTGRESQL, 1, 5, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0",
      "disqus-07-html-vintages.xml,       SQLITE, 1, 4, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "disqus-07-html-vintages.xml,       POSTGRESQL, 1, 4, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "disqus-08-bad-links.xml,           SQLITE, 3, 3, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0",
      "disqus-08-bad-links.xml,           POSTGRESQL, 3, 3, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0",
      "wxr-09-1.0-comments-first.xml,     SQLITE, 2, 3, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0",
      "wxr-09-1.0-comments-first.xml,     POSTGRESQL, 2, 3, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0",
      "wxr-10-1.1-https-nested-meta.xml,  SQLITE, 1, 4, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "wxr-10-1.1-https-nested-meta.xml,  POSTGRESQL, 1, 4, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "wxr-11-1.2-pingbacks-states.xml,   SQLITE, 1, 5, 2, 1, 1, 1, 1, 2, 0, 0, 1, 0",
      "wxr-11-1.2-pingbacks-states.xml,   POSTGRESQL, 1, 5, 2, 1, 1, 1, 1, 2, 0, 0, 1, 0",
      "wxr-12-no-gmt-no-email.xml,        SQLITE, 1, 3, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0",
      "wxr-12-no-gmt-no-email.xml,        POSTGRESQL, 1, 3, 3, 0, 0, 0, 3, 0, 0, 0, 0, 0",
      "wxr-13-bom-blank-lines.xml,        SQLITE, 1, 2, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "wxr-13-bom-blank-lines.xml,        POSTGRESQL, 1, 2, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "wxr-14-child-order.xml,            SQLITE, 1, 2, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "wxr-14-child-order.xml,            POSTGRESQL, 1, 2, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0",
      "wxr-15-many-items.xml,             SQLITE, 3, 4, 4, 0, 0, 0, 1, 0, 1, 0, 1, 1",
      "wxr-15-many-items.xml,             POSTGRESQL, 3, 4, 4, 0, 0, 0, 1, 0, 1, 0, 1, 1",
      "remark42-16-backup.jsonl,          SQLITE, 2, 4, 3, 0, 0, 1, 4, 0, 0, 0, 0, 0",
      "remark42-16-backup.jsonl,          POSTGRESQL, 2, 4, 3, 0, 0, 1, 4, 0, 0, 0, 0, 0",
      "commento-17-export.json,           SQLITE, 2, 3, 2, 1, 0, 0, 2, 0, 0, 0, 0, 0",
      "commento-17-export.json,           POSTGRESQL, 2, 3, 2, 1, 0, 0, 2, 0, 0, 0, 0, 0",
      "comentario-19-export-v3.json,      SQLITE, 2, 6, 3, 1, 1, 1, 4, 0, 0, 0, 0, 0",
      "comentario-19-export-v3.json,      POSTGRESQL, 2, 6, 3, 1, 1, 1, 4, 0, 0, 0, 0, 0",
      "isso-18-comments.sql,              SQLITE, 2, 6, 4, 1, 0, 1, 5, 0, 0, 0, 0, 0",
      "isso-18-comments.sql,              POSTGRESQL, 2, 6, 4, 1, 0, 1, 5, 0, 0, 0, 0, 0",
  })
  void eachFileImportsWithItsExpectedCounts(String name, Dialect dialect, long threads, long comments, long published,
      long held, long rejected, long deleted, long authors, long pingbacks, long orphans, long placeholders,
      long warnings, long keptTopLevel) {
    String site = databases.newSite(dialect);
    ImportReport report = load(dialect, site, name);
    ImportCounts c = report.counts();
    assertThat(List.of(c.threads(), c.comments(), c.published(), c.held(), c.rejected(), c.deleted(), c.authors(),
        c.pingbacks(), c.orphans(), c.placeholderThreads()))
        .as(report.summary())
        .containsExactly(threads, comments, published, held, rejected, deleted, authors, pingbacks, orphans, placeholders);
    assertThat(report.warningCount()).as(report.summary()).isEqualTo(warnings);
    assertThat(report.inserted()).isEqualTo(comments);
    assertThat(report.orphans()).isEqualTo(keptTopLevel);
    Database db = databases.get(dialect);
    String source = format(name).key() + ":" + site;
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE source = ?", source)).isEqualTo(comments);
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE source = ? AND state = 'pending'", source))
        .isEqualTo(held);
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE source = ? AND state = 'rejected'", source))
        .isEqualTo(rejected);
    // nothing executable is ever stored, whatever the file carried
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE source = ? AND (LOWER(body_html) LIKE '%<script%'"
        + " OR LOWER(body_html) LIKE '%onerror%' OR LOWER(body_html) LIKE '%<img%')", source)).isZero();
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM threads WHERE site_id = ? AND (url IS NOT NULL AND url NOT LIKE 'http%')",
        site)).isZero();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unsafeLinksBecomeWarningsNotPageKeys(Dialect dialect) {
    String site = databases.newSite(dialect);
    ImportReport report = load(dialect, site, "disqus-08-bad-links.xml");
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("javascript:alert(1)", "not an http(s) URL"));
    List<String> keys = databases.get(dialect).read(h -> h.createQuery(
        "SELECT page_key FROM threads WHERE site_id = :s ORDER BY page_key").bind("s", site).mapTo(String.class).list());
    assertThat(keys).containsExactly("/j", "80-ident", "81-ident"); // three threads, none merged under "/"
  }

  /** Remark42: a thread per locator URL, read-only posts closed, user ids kept as usernames, replies nested. */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void remark42BackupsKeepThreadsUsersAndNesting(Dialect dialect) {
    String site = databases.newSite(dialect);
    load(dialect, site, "remark42-16-backup.jsonl");
    Database db = databases.get(dialect);
    var reply = Fixtures.comment(db, "remark42:" + site, "8a4f3b21-6c2d-4a8f-8b1e-2d3c4e5f6071");
    assertThat(Fixtures.asLong(reply.get("depth"))).isEqualTo(1);
    assertThat(reply.get("author_username")).isEqualTo("google_0a1b2c3d4e");
    assertThat(Fixtures.asLong(reply.get("created_at")))
        .isEqualTo(java.time.Instant.parse("2019-03-02T10:30:00Z").toEpochMilli());
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM threads WHERE site_id = ? AND page_key = '/2019/04/closed' AND closed",
        site)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void repliesNestAndDatesFallBack(Dialect dialect) {
    String site = databases.newSite(dialect);
    load(dialect, site, "wxr-10-1.1-https-nested-meta.xml");
    Database db = databases.get(dialect);
    assertThat(Fixtures.asLong(Fixtures.comment(db, "wordpress:" + site, "34").get("depth"))).isEqualTo(3);
    String site2 = databases.newSite(dialect);
    load(dialect, site2, "wxr-12-no-gmt-no-email.xml");
    // comment_date (no _gmt, or a zero one) is the site's local time: the post's post_date and post_date_gmt
    // (10:00 and 09:00) say the site was an hour ahead of UTC
    assertThat(Fixtures.asLong(Fixtures.comment(db, "wordpress:" + site2, "51").get("created_at")))
        .isEqualTo(java.time.Instant.parse("2019-03-02T10:00:00Z").toEpochMilli());
    assertThat(Fixtures.asLong(Fixtures.comment(db, "wordpress:" + site2, "53").get("created_at")))
        .isEqualTo(java.time.Instant.parse("2019-05-05T04:05:05Z").toEpochMilli());
  }
}
