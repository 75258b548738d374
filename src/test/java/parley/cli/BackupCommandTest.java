package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.testing.CliRun;
import parley.testing.Reply;
import parley.testing.TempDirs;
import parley.testing.TestDatabases;
import parley.testing.TestServer;

/** {@code parley backup}: a copy of a live server's SQLite file that a new server starts on; clear errors otherwise. */
class BackupCommandTest {
  Path dir;

  @BeforeEach
  void dir() throws Exception {
    dir = Files.createTempDirectory("parley-backup-");
  }

  @AfterEach
  void clean() {
    TempDirs.deleteQuietly(dir);
  }

  static String comment(int n) {
    return "{\"site\":\"demo\",\"page\":\"backup\",\"author\":\"Ada\",\"body\":\"Comment number " + n + "\"}";
  }

  @Test
  void aBackupTakenWhileTheServerTakesPostsStartsANewServerWithThoseComments() throws Exception {
    Path backup = dir.resolve("parley-backup.db");
    AtomicInteger posted = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Set<Integer> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    int before;
    try (TestServer live = TestServer.start()) {
      Thread poster = Thread.ofPlatform().start(() -> {
        for (int n = 1; !stop.get(); n++) {
          Reply r = live.postJson("/api/v1/comments", comment(n));
          if (r.status() != 201) throw new AssertionError(r.raw().body());
          // a comment held (the first one may wait past the classifier's budget while its model loads) is in the
          // backup too, but the public thread read below shows published ones only
          if (!r.json().path("comment").path("state").asText().equals("published")) held.add(n);
          posted.set(n);
        }
      });
      while (posted.get() < 20) Thread.sleep(10);
      before = posted.get();
      CliRun r = CliRun.of("backup", "--data-dir", live.dataDir().toString(), "--out", backup.toString());
      int postedDuringBackup = posted.get() - before;
      while (posted.get() < before + postedDuringBackup + 5) Thread.sleep(10); // and posting goes on after it
      stop.set(true);
      poster.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(r.code()).as(r.stderr()).isZero();
      assertThat(r.stdout()).contains("Backed up to " + backup, "integrity ok");
      assertThat(Files.list(dir)).containsExactly(backup); // no .partial left behind
    }

    // restore as docs/operations.md says: the backup becomes parley.db of a fresh data directory
    Path restored = Files.createDirectories(dir.resolve("restored"));
    Files.copy(backup, restored.resolve("parley.db"));
    try (TestServer fresh = TestServer.start(c -> c.withDataDir(restored))) {
      Set<String> bodies = new HashSet<>();
      String cursor = "";
      do {
        JsonNode page = fresh.get("/api/v1/threads?site=demo&page=backup&limit=100" + cursor).json();
        page.path("comments").forEach(c -> bodies.add(c.path("html").asText()));
        String next = page.path("nextCursor").asText(null);
        cursor = next == null ? null : "&cursor=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
      } while (cursor != null);
      for (int n = 1; n <= before; n++) if (!held.contains(n)) assertThat(bodies).contains("<p>Comment number " + n + "</p>");
      assertThat(held).hasSizeLessThan(3);
      assertThat(bodies.size()).isBetween(before - held.size(), posted.get());
      // the restored server takes new comments after the restored ones
      assertThat(fresh.postJson("/api/v1/comments", comment(0)).status()).isEqualTo(201);
    }
  }

  @Test
  void anExistingOutFileIsRefusedAndLeftAlone() throws Exception {
    assertThat(CliRun.of("backup", "--data-dir", dir.toString(), "--out", dir.resolve("first.db").toString()).code())
        .isEqualTo(1); // no database in an empty data directory
    try (TestServer live = TestServer.start()) {
      Path existing = Files.writeString(dir.resolve("keep.db"), "an older backup");
      CliRun r = CliRun.of("backup", "--data-dir", live.dataDir().toString(), "--out", existing.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.stderr()).contains("Error: ", "keep.db already exists").doesNotContain("at parley.");
      assertThat(Files.readString(existing)).isEqualTo("an older backup");
    }
  }

  @Test
  void aMissingOrUnwritableDirectoryIsOneClearLine() throws Exception {
    try (TestServer live = TestServer.start()) {
      String data = live.dataDir().toString();
      CliRun missing = CliRun.of("backup", "--data-dir", data, "--out", dir.resolve("no/such/dir/b.db").toString());
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.stderr()).contains("Error: The directory ", "no/such/dir does not exist");

      Path aFile = Files.writeString(dir.resolve("a-file"), "x");
      CliRun notADir = CliRun.of("backup", "--data-dir", data, "--out", aFile.resolve("b.db").toString());
      assertThat(notADir.stderr()).contains("a-file does not exist");

      // /proc refuses new files even to root (for whom permission bits do not apply)
      CliRun refused = CliRun.of("backup", "--data-dir", data, "--out", "/proc/parley-backup.db");
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.stderr()).containsPattern("Error: (The directory /proc is not writable|Cannot write the backup)")
          .doesNotContain("at parley.");
    }
  }

  @Test
  void emptyDataDirectoryNamesTheMissingDatabase() {
    CliRun r = CliRun.of("backup", "--data-dir", dir.toString(), "--out", dir.resolve("b.db").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("There is no SQLite database at " + dir.resolve("parley.db"));
    assertThat(dir.resolve("parley.db")).doesNotExist(); // the backup never creates an empty database
  }

  @Test
  void onPostgresqlItPrintsAPgDumpCommandThatWorks() throws Exception {
    try (TestDatabases.TestDb pg = TestDatabases.postgres();
        TestServer server = TestServer.start(c -> c.withDatabaseUrl(pg.url()))) {
      Path out = dir.resolve("parley.dump");
      CliRun r = CliRun.of("backup", "--database-url", pg.url() + "&password=s3cret&ApplicationName=x", "--out", out.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.stderr()).contains("pg_dump --format=custom", "Nothing was written").doesNotContain("s3cret");
      assertThat(out).doesNotExist();

      String command = r.stderr().lines().filter(l -> l.strip().startsWith("pg_dump ")).findFirst().orElseThrow().strip();
      Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")), "pg_dump is not installed here");
      Process dump = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(dump.waitFor()).as(command + "\n" + output).isZero();
      assertThat(Files.size(out)).isPositive();
    }
  }
}
