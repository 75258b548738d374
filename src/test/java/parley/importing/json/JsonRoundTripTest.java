package parley.importing.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import parley.comment.CommentStore;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.ImportException;
import parley.importing.Progress;
import parley.importing.TestDatabase;
import parley.store.Database;
import parley.store.Dialect;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonRoundTripTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  /** A site with Disqus and WordPress imports, votes, an edit, moderation data and history (accounts, bans…). */
  private String richSite(Dialect dialect) {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Fixtures.importEdgeCases(db, site, 3);
    long id = Fixtures.asLong(Fixtures.comment(db, "disqus:" + site, "1001").get("id"));
    CommentStore comments = new CommentStore(db);
    comments.vote(id, "voter-a", 1, java.time.Instant.now());
    comments.vote(id, "voter-b", -1, java.time.Instant.now());
    db.write(h -> h.createUpdate("UPDATE comments SET scores = :s, moderation = :m, edited_at = 1700000000000, "
            + "client_hash = 'c1', edit_token_hash = 'e1' WHERE id = :id")
        .bind("s", "{\"toxic\":0.12}").bind("m", "[{\"phase\":\"classifier\",\"verdict\":\"publish\"}]")
        .bind("id", id).execute());
    ModerationHistory.add(db, site, id);
    db.write(h -> {
      new parley.thread.ArticleDefaultsStore(db).put(h, site,
          new parley.thread.ArticleDefaults(true, 14, "Comments are reviewed before they appear.", true));
      return h.createUpdate("UPDATE threads SET qa = :on, premoderate_off = :on, keep_open = :on, "
              + "notice = 'Ask the newsroom' WHERE site_id = :site")
          .bind("on", true).bind("site", site).execute();
    });
    return site;
  }

  private static String export(Database db, String site) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonExport.write(db, site, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonImport.Result restore(Database db, String json, int batch) {
    return JsonImport.read(db, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), batch, Progress.none());
  }

  @ParameterizedTest
  @CsvSource({"SQLITE, SQLITE", "POSTGRESQL, POSTGRESQL", "SQLITE, POSTGRESQL"})
  void exportImportExportIsIdentical(Dialect from, Dialect to) {
    String site = richSite(from);
    String first = export(databases.get(from), site);
    assertThat(first).contains("\"format\" : \"parley-export\"", "voter-a", "\"toxic\\\":0.12", "ana_k",
        "\"parent_source_id\" : \"1001\"");
    assertThat(first).contains("\"version\" : 2", "Mo Derator", "\"role\" : \"moderator\"", "subject-1", "buy pills",
        "client:abc", "reported twice", "\"undone\" : 1", "\"policy\" : \"{", "\"author_account_id\" : ")
        .doesNotContain(ModerationHistory.HASH, "password_hash", "csrf-secret", "sso-secret", "stranger-");
    assertThat(first).contains("\"articleDefaults\" : [ {", "\"close_after_days\" : 14", "\"qa\" : true",
        "\"premoderate_off\" : true", "\"keep_open\" : true",
        "Comments are reviewed before they appear.", "Ask the newsroom");

    try (TestDatabase empty = TestDatabase.open(to)) {
      JsonImport.Result result = restore(empty.db(), first, 4);
      assertThat(result.comments()).isEqualTo(17);
      assertThat(result.votes()).isEqualTo(2);
      assertThat(result.accounts()).isEqualTo(4);
      assertThat(result.auditEntries()).isEqualTo(3);
      assertThat(export(empty.db(), site)).isEqualTo(first);

      restore(empty.db(), first, 1000); // again: updates, no duplicates
      assertThat(export(empty.db(), site)).isEqualTo(first);
      assertThat(Fixtures.count(empty.db(), "SELECT COUNT(*) FROM comments")).isEqualTo(17);
      assertThat(Fixtures.count(empty.db(), "SELECT COUNT(*) FROM accounts")).isEqualTo(4);
      assertThat(Fixtures.count(empty.db(), "SELECT COUNT(*) FROM audit_log")).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void newCommentsAfterARestoreGetFreshIds(Dialect dialect) {
    String site = richSite(dialect);
    String json = export(databases.get(dialect), site);
    try (TestDatabase empty = TestDatabase.open(dialect)) {
      restore(empty.db(), json, 100);
      long max = Fixtures.count(empty.db(), "SELECT MAX(id) FROM comments");
      long thread = Fixtures.count(empty.db(), "SELECT MIN(id) FROM threads");
      long id = empty.db().write(h -> h.createQuery("""
              INSERT INTO comments (thread_id, author_name, body_markdown, body_html, created_at, state)
              VALUES (:t, 'x', 'x', 'x', 1, 'published') RETURNING id""").bind("t", thread).mapTo(Long.class).one());
      assertThat(id).isGreaterThan(max);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = "SQLITE") // parsing does not depend on the database
  void malformedJsonNamesLineColumnAndRecord(Dialect dialect) {
    String site = richSite(dialect);
    String json = export(databases.get(dialect), site);
    int at = json.indexOf("\"comments\"");
    String broken = json.substring(0, json.indexOf("\"author_name\"", at)) + "\"author_name\" \"oops\""
        + json.substring(json.indexOf(',', json.indexOf("\"author_name\"", at)));
    try (TestDatabase empty = TestDatabase.open(dialect)) {
      assertThatThrownBy(() -> restore(empty.db(), broken, 100))
          .isInstanceOf(ImportException.class)
          .hasMessageMatching("(?s)line \\d+, column \\d+: malformed JSON: .*\\(in comments\\[0\\]\\)");
    }
  }
}
