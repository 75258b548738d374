package parley.importing.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.ImportException;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.store.Database;
import parley.store.Dialect;

/**
 * Issue 14: malformed files (truncated, not XML, wrong root, invalid UTF-8, a stray character before the prolog)
 * give one clear error with line and column, and leave the database byte-for-byte as it was: the checksum of a logical
 * dump (every row of every table, and the schema with its indexes; {@link Fixtures#checksum}), before and after, of a
 * database that already holds an import.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest(name = "{0} into {1}")
  @CsvSource({
      "bad-truncated.xml,    SQLITE,     'line 24, column 13', Unexpected end of input",
      "bad-truncated.xml,    POSTGRESQL, 'line 24, column 13', Unexpected end of input",
      "bad-not-xml.xml,      SQLITE,     'line 1, column 1', Unexpected character",
      "bad-not-xml.xml,      POSTGRESQL, 'line 1, column 1', Unexpected character",
      "bad-wrong-root.xml,   SQLITE,     'line 2', not a WordPress export",
      "bad-wrong-root.xml,   POSTGRESQL, 'line 2', not a WordPress export",
      "bad-invalid-utf8.xml, SQLITE,     'line ', not valid UTF-8",
      "bad-invalid-utf8.xml, POSTGRESQL, 'line ', not valid UTF-8",
      "bad-stray-char.xml,   SQLITE,     'line 1, column 1', Unexpected character",
      "bad-stray-char.xml,   POSTGRESQL, 'line 1, column 1', Unexpected character",
  })
  void oneClearErrorAndNothingWritten(String name, Dialect dialect, String where, String what) throws Exception {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Imports.xml(db, Imports.Format.WORDPRESS, site, CorpusTest.file("wxr-10-1.1-https-nested-meta.xml"),
        PageKey.PATH, new Importer.Options(2, 2), Imports.ProgressFactory.NONE);
    String before = Fixtures.checksum(db);

    ImportException e = catchThrowableOfType(ImportException.class, () -> Imports.xml(db, Imports.Format.WORDPRESS,
        site, CorpusTest.file(name), PageKey.PATH, new Importer.Options(2, 2), Imports.ProgressFactory.NONE));

    assertThat(e).as(name + " is refused").isNotNull();
    assertThat(e.getMessage()).contains(where).containsIgnoringCase(what)
        .doesNotContain("com.ctc", "Exception", "\n");
    assertThat(Fixtures.checksum(db)).isEqualTo(before);
  }

  /** The bar is only as good as the checksum: it must see a changed row and a dropped index. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Dialect.class)
  void theChecksumSeesRowsAndIndexes(Dialect dialect) throws Exception {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    String before = Fixtures.checksum(db);
    db.write(h -> h.execute("UPDATE sites SET name = 'renamed' WHERE id = ?", site));
    String renamed = Fixtures.checksum(db);
    var index = parley.store.CommentIndexes.SECONDARY.get(0);
    db.write(h -> h.execute("DROP INDEX " + index.name()));
    String withoutIndexes = Fixtures.checksum(db);
    db.write(h -> h.execute(index.createSql()));

    assertThat(renamed).isNotEqualTo(before);
    assertThat(withoutIndexes).isNotEqualTo(renamed);
    assertThat(Fixtures.checksum(db)).isEqualTo(renamed);
  }
}
