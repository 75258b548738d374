package parley.importing.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parley.importing.Fixtures.asLong;
import static parley.importing.Fixtures.comment;
import static parley.importing.Fixtures.count;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.ImportException;
import parley.importing.ImportReport;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.store.Database;
import parley.store.Dialect;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WxrImportTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  private ImportReport importFile(Database db, String site, Path file) {
    return Imports.xml(db, Imports.Format.WORDPRESS, site, file, PageKey.PATH, new Importer.Options(2, 2),
        Imports.ProgressFactory.NONE);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void importsEveryFieldAndEdgeCase(Dialect dialect) {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    String source = "wordpress:" + site;

    ImportReport report = importFile(db, site, Fixtures.file("wordpress-edge-cases.xml"));

    assertThat(report.inserted()).isEqualTo(7);
    assertThat(report.threads()).isEqualTo(2);
    assertThat(report.orphans()).isEqualTo(1);
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("skipped 1 pingbacks"));
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("comment 17 replies to comment 999,"));
    assertThat(count(db, "SELECT COUNT(*) FROM threads WHERE site_id = ?", site)).isEqualTo(2);

    Map<String, Object> ana = comment(db, source, "11");
    Map<String, Object> bob = comment(db, source, "12");
    Map<String, Object> waiting = comment(db, source, "13");
    assertThat(ana.get("body_markdown")).isEqualTo("First! [link](https://example.org/a)");
    assertThat(asLong(ana.get("created_at"))).isEqualTo(Instant.parse("2019-03-01T09:00:00Z").toEpochMilli());
    assertThat(ana.get("state")).isEqualTo("published");
    assertThat(asLong(bob.get("parent_id"))).isEqualTo(asLong(ana.get("id")));
    assertThat(bob.get("body_markdown"))
        .isEqualTo("I agree with **you**, Ana.\n\nSecond paragraph\nwith a line break.");
    assertThat(bob.get("body_html"))
        .isEqualTo("<p>I agree with <strong>you</strong>, Ana.</p><p>Second paragraph<br />\nwith a line break.</p>");
    assertThat(bob.get("author_email")).isEqualTo("bob@example.org");
    assertThat(asLong(waiting.get("depth"))).isEqualTo(2);
    assertThat(asLong(waiting.get("root_id"))).isEqualTo(asLong(ana.get("id")));
    assertThat(waiting.get("state")).isEqualTo("pending");
    // a zero comment_date_gmt: comment_date is local time, an hour ahead of UTC as the post's two dates say
    assertThat(asLong(waiting.get("created_at"))).isEqualTo(Instant.parse("2019-03-03T09:00:00Z").toEpochMilli());
    assertThat(waiting.get("body_html") + " " + waiting.get("body_markdown"))
        .doesNotContain("script", "onerror", "alert");
    assertThat(comment(db, source, "14").get("state")).isEqualTo("rejected");
    assertThat(comment(db, source, "15").get("state")).isEqualTo("deleted");
    assertThat((String) comment(db, source, "17").get("body_markdown")).isEqualTo("Grüße 🚋 — 東京 — مرحبا \\*stars\\*");

    Map<String, Object> trams = Fixtures.thread(db, asLong(ana.get("thread_id")));
    assertThat(trams.get("page_key")).isEqualTo("/2019/03/trams");
    assertThat(trams.get("title")).isEqualTo("Trams & buses");
    assertThat(trams.get("closed")).isIn(false, 0);
    Map<String, Object> about = Fixtures.thread(db, asLong(comment(db, source, "21").get("thread_id")));
    assertThat(about.get("page_key")).isEqualTo("/about");
    assertThat(about.get("closed")).isIn(true, 1);

    ImportReport again = importFile(db, site, Fixtures.file("wordpress-edge-cases.xml"));
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isEqualTo(7);
    assertThat(count(db, "SELECT COUNT(*) FROM comments WHERE source = ?", source)).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void malformedInputNamesLineAndRecord(Dialect dialect) {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Path broken = Fixtures.edited("wordpress-edge-cases.xml", "<wp:comment_id>13</wp:comment_id>", "<wp:comment_id>13</wp:comment_i>");
    assertThatThrownBy(() -> importFile(db, site, broken))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("line 62, column 34")
        .hasMessageContaining("comment_i")
        .hasMessageContaining("<wp:comment> starting at line 61, column 3 in <item> starting at line 14");
    Path badDate = Fixtures.edited("wordpress-edge-cases.xml",
        "<wp:comment_date_gmt><![CDATA[2019-03-04 10:00:00]]>", "<wp:comment_date_gmt><![CDATA[someday]]>");
    assertThatThrownBy(() -> importFile(db, site, badDate))
        .hasMessageContaining("<wp:comment> 14 starting at line 71").hasMessageContaining("'someday'");
  }
}
