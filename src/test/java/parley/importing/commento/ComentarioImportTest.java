package parley.importing.commento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static parley.importing.Fixtures.asLong;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
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
 * Issue 14: Comentario's own export (version 3: pages, comments and commenters with UUIDs; gzipped as Comentario's
 * "Export" downloads it) and Comentario 2's Commento-shaped one ({@code path}, {@code host}), both read by
 * {@code parley import commento}, told apart by their {@code version}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComentarioImportTest {
  private final Databases databases = new Databases();
  @TempDir Path dir;

  @AfterAll
  void close() {
    databases.close();
  }

  private ImportReport load(Database db, String site, Path file) {
    return Imports.xml(db, Imports.Format.COMMENTO, site, file, PageKey.PATH, new Importer.Options(2, 2),
        Imports.ProgressFactory.NONE);
  }

  private Path gzip(Path file) throws IOException {
    Path gz = dir.resolve(file.getFileName() + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(file, out);
    }
    return gz;
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aGzippedVersion3ExportKeepsPagesAuthorsStatesAndVotes(Dialect dialect) throws IOException {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);

    ImportReport report = load(db, site, gzip(Fixtures.corpus("comentario-19-export-v3.json")));

    assertThat(report.inserted()).as(report.summary()).isEqualTo(6);
    String source = "commento:" + site;
    var first = Fixtures.comment(db, source, "a1000000-0000-4000-8000-000000000001");
    assertThat(first.get("author_name")).isEqualTo("Ana");
    assertThat(first.get("author_email")).isEqualTo("ana@example.org");
    assertThat(asLong(first.get("upvotes"))).isEqualTo(5);
    assertThat(asLong(first.get("created_at"))).isEqualTo(Instant.parse("2024-05-02T09:00:00.250Z").toEpochMilli());
    assertThat(first.get("body_html").toString()).contains("<strong>Finally</strong>").doesNotContain("<script");
    var thread = Fixtures.thread(db, asLong(first.get("thread_id")));
    assertThat(thread.get("page_key")).isEqualTo("/2024/05/tram-line");
    assertThat(thread.get("url")).isEqualTo("https://news.example.org/2024/05/tram-line/");
    assertThat(thread.get("title")).isEqualTo("The tram line opens");
    var early = Fixtures.comment(db, source, "a1000000-0000-4000-8000-000000000003");
    assertThat(asLong(early.get("parent_id"))).as("a reply listed before its parent").isEqualTo(asLong(first.get("id")));
    var walkIn = Fixtures.comment(db, source, "a1000000-0000-4000-8000-000000000002");
    assertThat(walkIn.get("author_name")).isEqualTo("Walk-in reader");
    assertThat(walkIn.get("state")).isEqualTo("pending");
    assertThat(Fixtures.comment(db, source, "a1000000-0000-4000-8000-000000000004").get("state")).isEqualTo("deleted");
    var spam = Fixtures.comment(db, source, "a1000000-0000-4000-8000-000000000005");
    assertThat(spam.get("state")).isEqualTo("rejected");
    assertThat(spam.get("author_name")).isEqualTo("Anonymous");
    assertThat(asLong(spam.get("downvotes"))).isEqualTo(2);
    assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM threads WHERE site_id = ? AND page_key = '/2024/06/closed' AND closed",
        site)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void comentario2ExportsUsePathAndHost(Dialect dialect) throws IOException {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Path file = dir.resolve("comentario2.json");
    // the shape Comentario 2 wrote (its own test fixture comentario-ok-single-v1): "path" and "host" instead of "url"
    Files.writeString(file, """
        {"version":1,"comments":[{"commentHex":"0a34d928db9f5d55","commenterHex":"549dc0eacdad7ba1",
        "creationDate":"2021-11-02T19:03:37.088Z","deleted":false,"direction":0,"host":"example.com",
        "markdown":"Yay, imported","parentHex":"root","path":"/news/1/","score":23,"state":"approved"}],
        "commenters":[{"commenterHex":"549dc0eacdad7ba1","email":"bugsy@example.com","isModerator":false,
        "joinDate":"2021-11-02T19:00:38.961Z","name":"Bugs Bunny"}]}""");

    load(db, site, gzip(file));

    var c = Fixtures.comment(db, "commento:" + site, "0a34d928db9f5d55");
    assertThat(c.get("author_name")).isEqualTo("Bugs Bunny");
    assertThat(asLong(c.get("upvotes"))).isEqualTo(23);
    var thread = Fixtures.thread(db, asLong(c.get("thread_id")));
    assertThat(thread.get("page_key")).isEqualTo("/news/1");
    assertThat(thread.get("url")).isEqualTo("https://example.com/news/1/");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unknownVersionsAndDamagedFilesAreRefusedWithNothingWritten(Dialect dialect) throws Exception {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    load(db, site, Fixtures.corpus("comentario-19-export-v3.json"));
    String before = Fixtures.checksum(db);
    Path v2 = dir.resolve("v2.json");
    Files.writeString(v2, "{\"version\":2,\"comments\":[]}");
    Path damaged = dir.resolve("damaged.json.gz");
    byte[] whole = Files.readAllBytes(gzip(Fixtures.corpus("comentario-19-export-v3.json")));
    Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));

    ImportException version = catchThrowableOfType(ImportException.class, () -> load(db, site, v2));
    ImportException cut = catchThrowableOfType(ImportException.class, () -> load(db, site, damaged));

    assertThat(version.getMessage()).contains("unknown Commento/Comentario export version 2 (Parley reads 1 and 3)");
    assertThat(cut.getMessage()).doesNotContain("Exception", "\n");
    assertThat(Fixtures.checksum(db)).isEqualTo(before);
  }
}
