package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.importing.Fixtures;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/**
 * Comments imported from Disqus and WordPress carry no account, browser id or IP: the dashboard's queues, the
 * moderation API, history and bans must still know who wrote them (name, and email hash where the source had one).
 * Runs on SQLite and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedAuthorsTest {
  @Parameter
  Dialect kind;
  TestDb db;
  ModerationServer server;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() {
    db = TestDatabases.create(kind);
    server = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier());
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Fixtures.importEdgeCases(server.app().database(), ModerationServer.SITE, 2);
    mod = server.login("mod@example.org", Staff.PASSWORD);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    db.close();
  }

  @Test
  void everyDashboardQueueShowsImportedAuthors() {
    for (String queue : List.of("recent", "pending", "rejected", "reported", "featured")) {
      Reply page = server.send(mod, "GET", "/admin/news/queue/" + queue, null);
      assertThat(page.status()).as(queue + ": " + page.raw().body()).isEqualTo(200);
    }
    String recent = server.send(mod, "GET", "/admin/news/queue/recent", null).raw().body();
    // Disqus (name + email), Disqus guest (name only), WordPress (name + email)
    assertThat(recent).contains("Zoë Ünal", "Guest without email", "Carol", "email:", "name:");
    String pending = server.send(mod, "GET", "/admin/news/queue/pending", null).raw().body();
    assertThat(pending).contains("Waiting");
    String rejected = server.send(mod, "GET", "/admin/news/queue/rejected", null).raw().body();
    assertThat(rejected).contains("Spammer");
  }

  @Test
  void theModerationApiListsImportedCommentsWithTheirHistory() {
    for (String queue : List.of("recent", "pending", "rejected")) {
      Reply r = server.send(mod, "GET", "/api/v1/sites/news/queues/" + queue, null);
      assertThat(r.status()).as(queue + ": " + r.raw().body()).isEqualTo(200);
    }
    long bob = idOf("recent", "Bob");
    Reply detail = server.send(mod, "GET", "/api/v1/sites/news/comments/" + bob, null);
    assertThat(detail.status()).as(detail.raw().body()).isEqualTo(200);
    // Bob wrote on both platforms with the same address: his history finds his other imported comments
    assertThat(totalComments(detail.json().path("authorCounts"))).isGreaterThan(1);
    assertThat(detail.json().path("authorRecent")).isNotEmpty()
        .allSatisfy(c -> assertThat(c.path("authorEmail").asText()).isEqualToIgnoringCase("bob@example.org"));
  }

  @Test
  void anImportedAuthorCanBeBannedAndTheBanIsListed() {
    long spammer = idOf("rejected", "Spammer");
    Reply ban = server.send(mod, "POST", "/api/v1/sites/news/comments/" + spammer + "/ban", "{\"reason\":\"spam\"}");
    assertThat(ban.status()).as(ban.raw().body()).isBetween(200, 204);
    Reply bans = server.send(mod, "GET", "/api/v1/sites/news/bans", null);
    assertThat(bans.raw().body()).contains("Spammer").containsPattern("\"(email|name):[0-9a-f]{64}\"");
  }

  private long idOf(String queue, String author) {
    JsonNode items = server.send(mod, "GET", "/api/v1/sites/news/queues/" + queue + "?limit=100", null).json();
    List<JsonNode> all = new ArrayList<>();
    items.path("items").forEach(all::add);
    return all.stream().filter(i -> author.equals(i.path("authorName").asText())).findFirst()
        .orElseThrow(() -> new AssertionError(author + " not in " + items)).path("id").asLong();
  }

  private static int totalComments(JsonNode counts) {
    return counts.path("published").asInt() + counts.path("pending").asInt() + counts.path("rejected").asInt();
  }
}
