package parley.importing.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.AccountStore;
import parley.auth.AccountStore.NewAccount;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.ImportException;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.importing.Progress;
import parley.importing.TestDatabase;
import parley.store.Database;
import parley.store.Dialect;

/** Restoring moderation history into a database that already has accounts, and reading version-1 exports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonAccountsTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  private record Source(String site, String moderator, String json) {}

  private Source exported(Dialect dialect) {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Imports.xml(db, Imports.Format.DISQUS, site, Fixtures.file("disqus-edge-cases.xml"), PageKey.PATH,
        new Importer.Options(3, 2), Imports.ProgressFactory.NONE);
    long id = Fixtures.asLong(Fixtures.comment(db, "disqus:" + site, "1001").get("id"));
    String moderator = ModerationHistory.add(db, site, id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonExport.write(db, site, out);
    return new Source(site, moderator, out.toString(StandardCharsets.UTF_8));
  }

  private static void restore(Database db, String json) {
    JsonImport.read(db, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 3, Progress.none());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void accountsAreMatchedByEmailAndTakenIdsAreNotReused(Dialect dialect) {
    Source source = exported(dialect);
    try (TestDatabase target = TestDatabase.open(dialect)) {
      AccountStore accounts = new AccountStore(target.db(), java.time.Clock.systemUTC());
      // occupy the exported ids, and give the moderator an account of their own here
      for (int i = 0; i < 8; i++) accounts.create(new NewAccount("local" + i + "@example.org", "L", "h", null, null));
      long existing = accounts.create(new NewAccount(source.moderator(), "Here", "target-hash", null, null)).id();

      restore(target.db(), source.json());
      restore(target.db(), source.json()); // again: nothing duplicated

      Database db = target.db();
      assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM accounts")).isEqualTo(9 + 3); // admin, reader, SSO added
      assertThat(Fixtures.count(db, "SELECT account_id FROM site_roles WHERE role = 'moderator'")).isEqualTo(existing);
      assertThat(Fixtures.count(db, "SELECT DISTINCT created_by FROM bans")).isEqualTo(existing);
      String hash = db.read(h -> h.createQuery("SELECT password_hash FROM accounts WHERE id = :id")
          .bind("id", existing).mapTo(String.class).one());
      assertThat(hash).isEqualTo("target-hash"); // the target's login wins
      List<String> authors = db.read(h -> h.createQuery("""
              SELECT a.display_name FROM comments c JOIN accounts a ON a.id = c.author_account_id ORDER BY c.id""")
          .mapTo(String.class).list());
      assertThat(authors).containsExactly("Rea Der", "Sso Reader");
      assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM accounts WHERE password_hash IS NOT NULL")).isEqualTo(9);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void versionOneExportsStillImport(Dialect dialect) throws Exception {
    Source source = exported(dialect);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode v1 = (ObjectNode) mapper.readTree(source.json());
    v1.put("version", 1);
    v1.remove(List.of("sitePolicies", "accounts", "siteRoles", "reports", "bans", "auditLog"));
    try (TestDatabase target = TestDatabase.open(dialect)) {
      restore(target.db(), mapper.writeValueAsString(v1));
      assertThat(Fixtures.count(target.db(), "SELECT COUNT(*) FROM comments")).isEqualTo(10); // the Disqus fixture's
      // the file names accounts it does not carry: the references are dropped, not a foreign-key failure
      assertThat(Fixtures.count(target.db(), "SELECT COUNT(author_account_id) FROM comments")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void anSsoReaderOfASiteTheTargetLacksBecomesANameThatCannotSignIn(Dialect dialect) {
    Database source = databases.get(dialect);
    String elsewhere = databases.newSite(dialect);
    long reader = new AccountStore(source, java.time.Clock.systemUTC()).create(new NewAccount("x@example.org", "Roamer", null, elsewhere, "s9")).id();
    Source site = exported(dialect);
    source.write(h -> h.createUpdate("""
            UPDATE comments SET author_account_id = :a WHERE id = (SELECT MIN(c.id) FROM comments c
            JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :s)""").bind("a", reader).bind("s", site.site())
        .execute());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonExport.write(source, site.site(), out);
    try (TestDatabase target = TestDatabase.open(dialect)) {
      restore(target.db(), out.toString(StandardCharsets.UTF_8));
      restore(target.db(), out.toString(StandardCharsets.UTF_8)); // matched again, not duplicated
      Database db = target.db();
      assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM accounts WHERE display_name = 'Roamer' "
          + "AND sso_site IS NULL AND sso_subject IS NULL AND email IS NULL AND id = ?", reader)).isEqualTo(1);
      assertThat(Fixtures.count(db, "SELECT COUNT(*) FROM comments WHERE author_account_id = ?", reader)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = "SQLITE")
  void reportsOfAnotherSitesCommentsAreRefused(Dialect dialect) throws Exception {
    Source source = exported(dialect);
    Source other = exported(dialect);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode tampered = (ObjectNode) mapper.readTree(source.json());
    long foreign = mapper.readTree(other.json()).path("comments").path(0).path("id").asLong();
    ((ObjectNode) tampered.path("reports").path(0)).put("comment_id", foreign);
    assertThatThrownBy(() -> restore(databases.get(dialect), mapper.writeValueAsString(tampered)))
        .isInstanceOf(ImportException.class).hasMessageContaining("is not among the site's comments")
        .hasMessageContaining("reports[0]");
  }
}
