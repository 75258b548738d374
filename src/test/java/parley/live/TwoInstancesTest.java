package parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.EventStream;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/**
 * Two Parley instances on one PostgreSQL database, as behind a load balancer: a stream held by instance B hears
 * what was written through instance A (LISTEN/NOTIFY), and a claim taken on A holds on B.
 */
class TwoInstancesTest {
  static TestDb db;
  static ModerationServer a, b;

  @BeforeAll
  static void start() {
    db = TestDatabases.postgres();
    // no safety poll within the test: only a NOTIFY from the other instance can wake a hub
    var onlyNotify = LiveConfig.defaults().withSafetyPoll(java.time.Duration.ofHours(1));
    a = ModerationServer.start(c -> c.withDatabaseUrl(db.url()).withLive(onlyNotify), new KeywordClassifier());
    b = ModerationServer.start(c -> c.withDatabaseUrl(db.url()).withLive(onlyNotify), new KeywordClassifier());
    Staff.create(a.app(), "mod-a@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.create(a.app(), "mod-b@example.org", ModerationServer.SITE, Role.MODERATOR);
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
    if (db != null) db.close();
  }

  @Test
  void aReaderOnInstanceBSeesACommentPostedOnInstanceA() {
    assertThat(a.app().port()).isNotEqualTo(b.app().port());
    try (EventStream onB = EventStream.open(b.base() + "/api/v1/live?site=news&page=lb")) {
      assertThat(onB.status()).isEqualTo(200);
      long id = a.comment(As.reader("lb-writer"), "lb", "Posted through instance A.").json().path("comment").path("id").asLong();
      assertThat(onB.next("published").json().path("id").asLong()).isEqualTo(id);
      // and B's thread read (its own page cache) shows it: the version moved in the shared database
      assertThat(b.thread(As.ANONYMOUS, "lb").json().path("comments").findValuesAsText("id")).contains(String.valueOf(id));
    }
  }

  @Test
  void moderatorsOnBothInstancesShareTheQueueAndItsClaims() {
    As modA = a.login("mod-a@example.org", Staff.PASSWORD);
    As modB = b.login("mod-b@example.org", Staff.PASSWORD);
    try (EventStream deskB = EventStream.open(b.base() + "/api/v1/sites/news/live", modB.headers())) {
      deskB.next("hello");
      long held = a.comment(As.reader("lb-held"), "lb-queue", "I will kill you, across instances").json()
          .path("comment").path("id").asLong();
      assertThat(deskB.next("queued").json().path("id").asLong()).isEqualTo(held);
      String path = "/api/v1/sites/news/comments/" + held;
      assertThat(a.send(modA, "POST", path + "/claim", null).status()).isEqualTo(200);
      assertThat(deskB.next("claimed").json().path("claim").path("by").asText()).isEqualTo("mod-a@example.org");
      assertThat(b.send(modB, "POST", path + "/approve", null).error()).isEqualTo("CLAIMED_BY_OTHER");
      assertThat(a.send(modA, "POST", path + "/approve", null).status()).isEqualTo(200);
      assertThat(deskB.next("resolved").json().path("id").asLong()).isEqualTo(held);
    }
  }
}
