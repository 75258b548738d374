package parley.importing.isso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static parley.importing.Fixtures.asLong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * Issue 14: Isso's comments.db (built by SQLite from isso-18-comments.sql, Isso's own CREATE statements): threads by
 * uri, parents, states, votes and times; the Isso file is never changed; a file that is not an Isso database is refused
 * with one line and nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssoImportTest {
  private final Databases databases = new Databases();
  @TempDir Path dir;

  @AfterAll
  void close() {
    databases.close();
  }

  private static Path script() {
    return Fixtures.corpus("isso-18-comments.sql");
  }

  private ImportReport load(Database db, String site, Path file) {
    return Imports.xml(db, Imports.Format.ISSO, site, file, PageKey.PATH, new Importer.Options(2, 2),
        Imports.ProgressFactory.NONE);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void threadsParentsStatesVotesAndTimes(Dialect dialect) throws Exception {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Path isso = IssoFixture.database(script());
    String before = sha256(isso);

    load(db, site, isso);

    String source = "isso:" + site;
    var first = Fixtures.comment(db, source, "1");
    assertThat(asLong(first.get("created_at"))).isEqualTo(Instant.parse("2019-03-02T10:00:00.123Z").toEpochMilli());
    assertThat(java.util.stream.Stream.of("upvotes", "downvotes", "score").map(k -> asLong(first.get(k))))
        .containsExactly(3L, 1L, 2L);
    assertThat(first.get("body_html").toString()).contains("<strong>new line</strong>", "href=\"https://example.org/trams\"");
    var thread = Fixtures.thread(db, asLong(first.get("thread_id")));
    assertThat(thread.get("page_key")).isEqualTo("/2019/03/trams");
    assertThat(thread.get("title")).isEqualTo("Trams return to the high street");
    var anonymous = Fixtures.comment(db, source, "2");
    assertThat(anonymous.get("author_name")).isEqualTo("Anonymous");
    assertThat(asLong(anonymous.get("parent_id"))).isEqualTo(asLong(first.get("id")));
    assertThat(anonymous.get("body_html").toString()).doesNotContain("<script", "<b ").contains("&lt;script&gt;");
    assertThat(Fixtures.comment(db, source, "3").get("state")).isEqualTo("pending");
    var deleted = Fixtures.comment(db, source, "4");
    assertThat(deleted.get("state")).isEqualTo("deleted");
    assertThat(deleted.get("author_email")).as("Isso's delete forgets to blank the email; the import does").isNull();
    var reply = Fixtures.comment(db, source, "5");
    assertThat(asLong(reply.get("parent_id"))).isEqualTo(asLong(deleted.get("id")));
    assertThat(asLong(reply.get("depth"))).isEqualTo(1);
    assertThat(Fixtures.comment(db, source, "6").get("body_markdown").toString()).contains("Über café naïve 東京");
    assertThat(sha256(isso)).as("the Isso file is opened read-only").isEqualTo(before);

    ImportReport again = load(db, site, isso);
    assertThat(again.updated()).isEqualTo(6);
    assertThat(again.inserted()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void notAnIssoDatabaseIsRefusedAndNothingIsWritten(Dialect dialect) throws Exception {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    load(db, site, IssoFixture.database(script()));
    String before = Fixtures.checksum(db);
    Path otherDb = dir.resolve("other.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + otherDb); var st = c.createStatement()) {
      st.execute("CREATE TABLE threads (id INTEGER PRIMARY KEY, uri TEXT, title TEXT)");
      st.execute("CREATE TABLE comments (tid INTEGER, id INTEGER PRIMARY KEY, text TEXT)");
    }
    Path text = dir.resolve("comments.db");
    Files.writeString(text, "this is not a database\n");

    ImportException notSqlite = catchThrowableOfType(ImportException.class, () -> load(db, site, text));
    ImportException wrongSchema = catchThrowableOfType(ImportException.class, () -> load(db, site, otherDb));
    ImportException noTables = catchThrowableOfType(ImportException.class,
        () -> load(db, site, Fixtures.corpus("commento-17-export.json")));

    assertThat(notSqlite.getMessage()).isEqualTo("not an Isso database: comments.db is not an SQLite file");
    assertThat(wrongSchema.getMessage()).startsWith("not an Isso database")
        .contains("table 'comments' lacks parent, created, mode, author, email, likes, dislikes");
    assertThat(noTables.getMessage()).contains("not an SQLite file");
    assertThat(Fixtures.checksum(db)).isEqualTo(before);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
