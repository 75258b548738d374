package parley.importing.disqus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.ImportReport;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.store.Database;
import parley.store.Dialect;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisqusExportTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  /** Comments of a site as comparable rows: thread page key, parent's author, author, body, state, time. */
  private static List<Map<String, Object>> comments(Database db, String site) {
    return db.read(h -> h.createQuery("""
            SELECT t.page_key, t.title, p.author_name AS parent_author, c.depth, c.author_name, c.author_email,
              c.author_username, c.body_markdown, c.body_html, c.state, c.created_at
            FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
            WHERE t.site_id = :site ORDER BY c.created_at, c.body_markdown""")
        .bind("site", site).mapToMap().list());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void exportedDisqusXmlImportsBackToTheSameComments(Dialect dialect) throws IOException {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Importer.Options options = new Importer.Options(5, 2);
    Imports.xml(db, Imports.Format.DISQUS, site, Fixtures.file("disqus-edge-cases.xml"), PageKey.PATH, options,
        Imports.ProgressFactory.NONE);
    Imports.xml(db, Imports.Format.WORDPRESS, site, Fixtures.file("wordpress-edge-cases.xml"), PageKey.PATH, options,
        Imports.ProgressFactory.NONE);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DisqusExport.write(db, site, out);
    Path file = Files.createTempFile("parley-disqus-export", ".xml");
    try {
      Files.write(file, out.toByteArray());
      String copy = databases.newSite(dialect);
      ImportReport report = Imports.xml(db, Imports.Format.DISQUS, copy, file, PageKey.IDENTIFIER, options,
          Imports.ProgressFactory.NONE);
      assertThat(report.inserted()).isEqualTo(17);
      assertThat(report.orphans()).isZero();
      assertThat(comments(db, copy)).isEqualTo(comments(db, site));
    } finally {
      Files.delete(file);
    }
  }
}
