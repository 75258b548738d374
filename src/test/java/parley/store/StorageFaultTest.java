package parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.cli.Parley;
import parley.testing.Reply;
import parley.testing.TempDirs;
import parley.testing.TestServer;

/**
 * Storage faults made real without privileges (the tests run as root, where chmod stops nothing, and no read-only
 * mount is at hand): a regular file where the data directory should be, a data directory under a file, a directory
 * where the database file should be, and a full database (SQLite's {@code max_page_count} caps the file, so writes
 * fail with the same SQLITE_FULL a full disk gives). A truly read-only mount (EROFS) takes the same code path as the
 * write probe's failure here, but is not exercised.
 */
class StorageFaultTest {
  Path dir;

  @BeforeEach
  void tempDir() throws Exception {
    dir = Files.createTempDirectory("parley-fault-");
  }

  @AfterEach
  void clean() {
    TempDirs.deleteQuietly(dir);
  }

  record Run(int code, String stderr) {}

  /** {@code parley serve ...} as main runs it; fails the test rather than hang if the server starts after all. */
  Run serve(String... args) {
    return Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      StringWriter err = new StringWriter();
      ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
      PrintStream before = System.err;
      System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
      try {
        String[] all = new String[args.length + 4];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--port", "0", "--no-demo"}, 0, all, args.length + 1, 3);
        int code = Parley.commandLine().setErr(new PrintWriter(err, true)).execute(all);
        return new Run(code, err + systemErr.toString(StandardCharsets.UTF_8));
      } finally {
        System.setErr(before);
      }
    });
  }

  @Test
  void aFileWhereTheDataDirectoryShouldBeIsOneLineNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("data"), "not a directory");
    Run r = serve("--data-dir", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: The data directory " + file.toAbsolutePath() + " is a file")
        .doesNotContain("\tat ", "Exception");
    assertThat(Files.readString(file)).isEqualTo("not a directory");
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsOneLineNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("blocker"), "x");
    Run r = serve("--data-dir", file.resolve("data").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: Cannot create the data directory " + file.resolve("data").toAbsolutePath())
        .doesNotContain("\tat ", "Exception");
  }

  @Test
  void aDirectoryWhereTheDatabaseFileShouldBeIsNamed() throws Exception {
    Files.createDirectories(dir.resolve("parley.db"));
    Run r = serve("--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: The database file " + dir.resolve("parley.db").toAbsolutePath() + " is a directory")
        .doesNotContain("\tat ");
  }

  @Test
  void aDatabaseThatIsFullAtStartUpSaysSoWithItsPath() {
    String file = dir.resolve("parley.db").toString();
    assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file + "?max_page_count=2"))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessage("Cannot write the database " + file + ": the disk is full (SQLITE_FULL)");
  }

  @Test
  void postsWhileTheDiskIsFullAnswer503AndLoseNothing() {
    String file = dir.resolve("parley.db").toString();
    try (TestServer roomy = TestServer.start(c -> c.withDatabaseUrl("jdbc:sqlite:" + file))) {
      assertThat(post(roomy, "The tram timetable looks sensible.").status()).isEqualTo(201);
    }
    // the same file, now unable to grow: max_page_count cannot go below the file's size, so "1" means "no more"
    try (TestServer full = TestServer.start(c -> c.withDatabaseUrl("jdbc:sqlite:" + file + "?max_page_count=1"))) {
      int acknowledged = 1;
      Reply refused = null;
      for (int i = 0; i < 200 && refused == null; i++) {
        Reply r = post(full, i + " " + "The tram timetable looks sensible. ".repeat(250));
        if (r.status() == 201) acknowledged++;
        else refused = r;
      }
      assertThat(refused).as("the capped file filled up").isNotNull();
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.error()).isEqualTo("STORAGE_UNAVAILABLE");
      assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("60");
      // reads go on, and every acknowledged comment is there
      assertThat(full.get("/api/v1/threads?site=demo&page=disk-full").status()).isEqualTo(200);
      long stored = full.app().database().read(h -> h.createQuery(
          "SELECT COUNT(*) FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.page_key = 'disk-full'")
          .mapTo(Long.class).one());
      assertThat(stored).isEqualTo(acknowledged);
    }
  }

  private static Reply post(TestServer server, String body) {
    return server.postJson("/api/v1/comments", "{\"site\":\"demo\",\"page\":\"disk-full\",\"author\":\"Ann\",\"body\":"
        + parley.kit.Json.MAPPER.valueToTree(body) + "}");
  }
}
