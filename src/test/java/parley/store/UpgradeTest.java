package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.testing.Reply;
import parley.testing.TestDatabases;
import parley.store.Dialect;
import parley.testing.TestDatabases.TestDb;
import parley.testing.TestServer;

/**
 * Upgrading across schema versions: a database is built the way an older release left it (Flyway stopped at
 * {@link #OLD_RELEASE}, the schema of the first release with moderation and imports) and filled with that release's
 * rows; the current Parley then starts on it, migrates it and must read and write the old data correctly.
 */
class UpgradeTest {
  static final String OLD_RELEASE = "5";
  static final long T = 1_700_000_000_000L; // November 2023

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theCurrentReleaseReadsAndExtendsADatabaseMadeByAnOlderOne(Dialect kind) {
    try (TestDb db = TestDatabases.create(kind)) {
      Flyway old = flyway(db).target(OLD_RELEASE).load();
      old.migrate();
      assertThat(old.info().current().getVersion().getVersion()).isEqualTo(OLD_RELEASE);
      Map<String, Long> ids = Jdbi.create(db.url()).withHandle(UpgradeTest::fillAsTheOldReleaseDid);

      try (TestServer server = TestServer.start(c -> c.withDatabaseUrl(db.url()))) {
        MigrationInfoService info = flyway(db).load().info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.current().getVersion().isNewerThan(OLD_RELEASE)).isTrue();

        JsonNode page = server.get("/api/v1/threads?site=news&page=2023/old-story").json();
        assertThat(page.path("thread").path("title").asText()).isEqualTo("An old story");
        assertThat(page.path("thread").path("commentCount").asInt()).isEqualTo(3); // the held one is not counted
        JsonNode first = page.path("comments").get(0);
        assertThat(first.path("author").asText()).isEqualTo("Old Reader");
        assertThat(first.path("html").asText()).isEqualTo("<p>From <strong>2023</strong></p>");
        assertThat(first.path("score").asInt()).isEqualTo(2);
        assertThat(first.path("replies").get(0).path("author").asText()).isEqualTo("Second Reader");
        // bodies stored unsanitized by old imports pass the allow-list at the first start (V40's repair)
        JsonNode imported = page.path("comments").get(1);
        assertThat(imported.path("html").asText()).contains("Imported long ago").doesNotContain("script");
        assertThat(page.path("comments")).hasSize(2);

        // old rows take new writes: a vote counts with its new weight, a reply gets a fresh id
        Reply vote = server.postJson("/api/v1/comments/" + ids.get("first") + "/vote", "{\"value\":1}",
            "X-Parley-Client", "new-reader");
        assertThat(vote.status()).as(vote.raw().body()).isEqualTo(200);
        assertThat(vote.json().path("score").asInt()).isEqualTo(3);
        Reply reply = server.postJson("/api/v1/comments", """
            {"site":"news","page":"2023/old-story","parentId":%d,"author":"New Reader","body":"Still true."}"""
            .formatted(ids.get("first")));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        assertThat(reply.json().path("comment").path("id").asLong()).isGreaterThan(ids.get("held"));

        // an import the old release left 'running' (its process long gone) is marked interrupted; a done one stays
        Map<Long, String> runs = Jdbi.create(db.url()).withHandle(h -> h.createQuery(
            "SELECT id, status FROM import_runs").setMapKeyColumn("id").setMapValueColumn("status")
            .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<Long, String>>() {}));
        assertThat(runs).containsEntry(ids.get("doneRun"), "done").containsEntry(ids.get("runningRun"), "interrupted");
      }
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDb db) {
    return Flyway.configure().dataSource(db.url(), null, null).locations(Dialect.of(db.url()).migrations());
  }

  /** Rows as the release at schema version 5 wrote them (no ids given: each dialect's own sequence hands them out). */
  private static Map<String, Long> fillAsTheOldReleaseDid(Handle h) {
    h.createUpdate("INSERT INTO sites (id, name, origins, created_at) VALUES ('news', 'Daily News', 'https://news.example', :t)")
        .bind("t", T).execute();
    long thread = id(h.createUpdate("""
            INSERT INTO threads (site_id, page_key, url, title, closed, created_at)
            VALUES ('news', '2023/old-story', 'https://news.example/2023/old-story', 'An old story', :closed, :t)""")
        .bind("closed", false).bind("t", T));
    long first = comment(h, thread, null, "Old Reader", "From **2023**", "<p>From <strong>2023</strong></p>", "published", 2);
    comment(h, thread, first, "Second Reader", "Agreed", "<p>Agreed</p>", "published", 0);
    comment(h, thread, null, "Importer", "Imported long ago",
        "<p>Imported long ago</p><script>alert(1)</script>", "published", 0);
    long held = comment(h, thread, null, "Spammer", "buy now", "<p>buy now</p>", "pending", 0);
    for (String voter : new String[] {"voter-1", "voter-2"}) {
      h.createUpdate("INSERT INTO votes (comment_id, voter_hash, value, created_at) VALUES (:c, :v, 1, :t)")
          .bind("c", first).bind("v", voter).bind("t", T).execute();
    }
    h.createUpdate("""
            INSERT INTO reports (comment_id, reporter_key, reason, created_at) VALUES (:c, 'reader-9', 'spam', :t)""")
        .bind("c", held).bind("t", T).execute();
    h.createUpdate("UPDATE comments SET report_count = 1, report_open = 1 WHERE id = :c").bind("c", held).execute();
    long doneRun = importRun(h, "done");
    long runningRun = importRun(h, "running");
    return Map.of("first", first, "held", held, "doneRun", doneRun, "runningRun", runningRun);
  }

  private static long comment(Handle h, long thread, Long parent, String author, String md, String html, String state,
      int upvotes) {
    return id(h.createUpdate("""
            INSERT INTO comments (thread_id, parent_id, root_id, depth, author_name, body_markdown, body_html,
              created_at, state, score, upvotes)
            VALUES (:thread, :parent, :parent, :depth, :author, :md, :html, :t, :state, :up, :up)""")
        .bind("thread", thread).bind("parent", parent).bind("depth", parent == null ? 0 : 1).bind("author", author)
        .bind("md", md).bind("html", html).bind("t", T + md.length()).bind("state", state).bind("up", upvotes));
  }

  private static long importRun(Handle h, String status) {
    return id(h.createUpdate("""
            INSERT INTO import_runs (site_id, format, file_name, started_at, finished_at, status, threads, comments)
            VALUES ('news', 'disqus', 'news.xml', :t, :finished, :status, 1, 1)""")
        .bind("t", T).bind("finished", "done".equals(status) ? T + 1000 : null).bind("status", status));
  }

  private static long id(org.jdbi.v3.core.statement.Update insert) {
    return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }
}
