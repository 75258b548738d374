package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.importing.disqus.DisqusGenerator;
import parley.site.SiteStore;
import parley.store.Database;
import parley.store.Dialect;

/** Issue 18 items 1 (legacy rows) and 9 (import runs after kill -9): what every start repairs. */
class StartupRepairsTest {
  private static final String EVIL = "<p>old</p><img src=x onerror=alert(1)><script>alert(2)</script>"
      + "<a href=\"javascript:alert(3)\">x</a>";

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void htmlStoredByEarlierVersionsIsSanitizedOnceAtStart(Dialect dialect) {
    try (TestDatabase t = TestDatabase.open(dialect)) {
      Database db = t.db();
      new SiteStore(db, java.time.Clock.systemUTC()).upsert("s", "s", List.of());
      long thread = db.write(h -> h.createQuery("INSERT INTO threads (site_id, page_key, created_at) "
          + "VALUES ('s', '/a', 1) RETURNING id").mapTo(Long.class).one());
      // a row as an earlier Parley stored it from a JSON restore, and one rendered by Parley itself
      for (String html : List.of(EVIL, "<p>fine <strong>bold</strong> <a href=\"https://x.org\" rel=\"nofollow ugc noopener\">l</a></p>")) {
        db.write(h -> h.createUpdate("INSERT INTO comments (thread_id, author_name, body_markdown, body_html, "
                + "created_at, state) VALUES (:t, 'a', 'x', :html, 1, 'published')")
            .bind("t", thread).bind("html", html).execute());
      }
      StartupRepairs.run(db);
      List<String> stored = db.read(h -> h.createQuery("SELECT body_html FROM comments ORDER BY id")
          .mapTo(String.class).list());
      assertThat(stored.get(0)).isEqualTo("<p>old</p>x");
      assertThat(stored.get(1)).contains("<strong>bold</strong>", "https://x.org");
      assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM pending_repairs")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void runsOfEndedProcessesAreMarkedInterruptedAndLiveOnesAreLeft(Dialect dialect) throws Exception {
    try (TestDatabase t = TestDatabase.open(dialect)) {
      Database db = t.db();
      ImportRuns runs = new ImportRuns(db);
      long live = runs.start("s", "disqus", "live.xml");
      Process ended = new ProcessBuilder("true").start();
      ended.waitFor();
      ImportRuns.Owner gone = new ImportRuns.Owner(ImportRuns.Owner.current().host(), ended.pid(), 1);
      long dead = runs.start("s", "disqus", "dead.xml");
      db.write(h -> h.createUpdate("UPDATE import_runs SET owner = :o WHERE id = :id")
          .bind("o", gone.toString()).bind("id", dead).execute());
      long old = runs.start("s", "disqus", "other-host.xml");
      db.write(h -> h.createUpdate("UPDATE import_runs SET owner = 'elsewhere 1 1', heartbeat_at = 1 WHERE id = :id")
          .bind("id", old).execute());

      StartupRepairs.run(db);

      assertThat(status(db, live)).isEqualTo("running");
      assertThat(status(db, dead)).isEqualTo("interrupted");
      assertThat(status(db, old)).isEqualTo("interrupted");
    }
  }

  /** A real `parley import` killed with SIGKILL mid-way leaves its run 'running'; the next start marks it. */
  @Test
  void anImportKilledOutrightIsInterruptedAtTheNextStart() throws Exception {
    Path dir = Files.createTempDirectory("parley-kill9");
    Path file = dir.resolve("big.xml");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new DisqusGenerator(500, 150_000, 7).write(out);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "parley.cli.Parley",
        "import", "disqus", file.toString(), "--site", "k", "--data-dir", dir.resolve("data").toString(),
        "--batch-size", "500").redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    String url = "jdbc:sqlite:" + dir.resolve("data").resolve("parley.db");
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!hasRunningRun(url)) {
        assertThat(child.isAlive()).as(Files.readString(dir.resolve("out.log"))).isTrue();
        assertThat(System.nanoTime()).as("the child started importing").isLessThan(deadline);
        Thread.sleep(100);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
      child.waitFor(30, TimeUnit.SECONDS);
    }
    try (Database db = Database.open(url)) {
      assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM import_runs WHERE status = 'running'")).isEqualTo(1);
      StartupRepairs.run(db);
      String run = db.read(h -> h.createQuery("SELECT status || ' ' || error FROM import_runs").mapTo(String.class).one());
      assertThat(run).startsWith("interrupted interrupted: the process ended");
    }
  }

  private static boolean hasRunningRun(String url) {
    if (!Files.exists(Path.of(url.substring("jdbc:sqlite:".length())))) return false;
    try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement();
        var rs = st.executeQuery("SELECT COUNT(*) FROM import_runs WHERE status = 'running'")) {
      return rs.next() && rs.getLong(1) > 0;
    } catch (java.sql.SQLException e) {
      return false; // the child is still creating or migrating the database
    }
  }

  private static String status(Database db, long id) {
    return db.read(h -> h.createQuery("SELECT status FROM import_runs WHERE id = :id").bind("id", id)
        .mapTo(String.class).one());
  }
}
