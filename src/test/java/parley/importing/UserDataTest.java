package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.importing.Fixtures.asLong;
import static parley.importing.Fixtures.comment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.store.Database;
import parley.store.Dialect;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataTest {
  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  private static void importFixture(Database db, String site) {
    Imports.xml(db, Imports.Format.DISQUS, site, Fixtures.file("disqus-edge-cases.xml"), PageKey.PATH,
        new Importer.Options(100, 2), Imports.ProgressFactory.NONE);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void exportsThenErasesKeepingTheThreadStructure(Dialect dialect) {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    String other = databases.newSite(dialect);
    importFixture(db, site);
    importFixture(db, other);
    String source = "disqus:" + site;
    Map<String, Object> before = comment(db, source, "1003");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long exported = UserData.export(db, new UserData.Person("BOB@example.org", null, site), out);
    assertThat(exported).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"page_key\" : \"/2019/03/trams\"", "I agree with **you**, Ana.", "I regret this", "bobby")
        .doesNotContain("Ana\",\n    \"author_email\" : \"ana@");

    int erased = UserData.erase(db, new UserData.Person(null, "bobby", site));
    assertThat(erased).isEqualTo(2);

    Map<String, Object> after = comment(db, source, "1003");
    assertThat(after.get("author_name")).isEqualTo("[deleted]");
    assertThat(after.get("body_markdown")).isEqualTo("[deleted]");
    assertThat(after.get("author_email")).isNull();
    assertThat(after.get("author_username")).isNull();
    assertThat(after.get("state")).isEqualTo("deleted");
    for (String column : new String[] {"id", "thread_id", "parent_id", "root_id", "depth", "created_at"}) {
      assertThat(after.get(column)).as(column).isEqualTo(before.get(column));
    }
    Map<String, Object> reply = comment(db, source, "1004");
    assertThat(asLong(reply.get("parent_id"))).isEqualTo(asLong(after.get("id")));
    assertThat(reply.get("body_markdown")).isEqualTo("Depth two.");

    // the other site was not touched; a re-import of the old export does not bring the erased comments back
    assertThat(comment(db, "disqus:" + other, "1003").get("author_name")).isEqualTo("Bob");
    importFixture(db, site);
    assertThat(comment(db, source, "1003").get("body_markdown")).isEqualTo("[deleted]");
    assertThat(UserData.export(db, new UserData.Person("bob@example.org", null, site), new ByteArrayOutputStream()))
        .isZero();
  }
}
