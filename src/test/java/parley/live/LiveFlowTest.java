package parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.store.Dialect;
import parley.testing.EventStream;
import parley.testing.EventStream.Event;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/** Readers' and moderators' event streams against a real server, on SQLite and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFlowTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  @Parameter
  Dialect dialect;
  TestDb db;
  ModerationServer server;
  As mod, other;

  @BeforeParameterizedClassInvocation
  void start() {
    db = TestDatabases.create(dialect);
    server = ModerationServer.start(c -> c.withDatabaseUrl(db.url())
        .withTrustedProxies(parley.web.TrustedProxies.parse("127.0.0.1, ::1")), new KeywordClassifier());
    Staff.create(server.app(), "live-mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.create(server.app(), "live-other@example.org", ModerationServer.SITE, Role.MODERATOR);
    mod = server.login("live-mod@example.org", Staff.PASSWORD);
    other = server.login("live-other@example.org", Staff.PASSWORD);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    if (db != null) db.close();
  }

  EventStream readers(String page, String... headers) {
    return EventStream.open(server.base() + "/api/v1/live?site=" + ModerationServer.SITE + "&page=" + page, headers);
  }

  EventStream moderators(As as) {
    return EventStream.open(server.base() + "/api/v1/sites/" + ModerationServer.SITE + "/live", as.headers());
  }

  long post(String page, String body) {
    return server.comment(As.reader("writer"), page, body).json().path("comment").path("id").asLong();
  }

  @Test
  void readersHearOfPublishedCommentsOnlyAndOfHeldOnesOnceApproved() {
    try (EventStream stream = readers("live-a")) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
      long held = post("live-a", "I will kill you if you show up");
      long civil = post("live-a", "The night tram is a fine idea.");
      post("live-elsewhere", "Another page entirely.");
      Event first = stream.next("published");
      // the held comment came first: had it leaked, it would be this event
      assertThat(first.json().path("id").asLong()).isEqualTo(civil);
      assertThat(first.data()).doesNotContain("tram").doesNotContain("Reader");
      assertThat(server.send(mod, "POST", "/api/v1/sites/news/comments/" + held + "/approve", null).status()).isEqualTo(200);
      Event approved = stream.next("published");
      assertThat(approved.json().path("id").asLong()).isEqualTo(held);
      assertThat(Long.parseLong(approved.id())).isGreaterThan(Long.parseLong(first.id()));
      assertThat(stream.drain()).noneMatch(e -> e.name().equals("published"));
    }
  }

  @Test
  void aReconnectWithLastEventIdGetsWhatItMissed() {
    String lastId;
    try (EventStream stream = readers("live-b")) {
      post("live-b", "First, while connected.");
      lastId = stream.next("published").id();
    }
    long missed = post("live-b", "Second, while the reader was away.");
    try (EventStream again = readers("live-b", "Last-Event-ID", lastId)) {
      Event e = again.next("published");
      assertThat(e.json().path("id").asLong()).isEqualTo(missed);
    }
    // a mangled Last-Event-ID starts from now rather than failing
    try (EventStream garbage = readers("live-b", "Last-Event-ID", "'; DROP TABLE live_events; --")) {
      assertThat(garbage.status()).isEqualTo(200);
    }
  }

  @Test
  void moderatorsSeeTheQueueLiveAndClaimsKeepTwoModeratorsApart() {
    try (EventStream desk = moderators(mod); EventStream desk2 = moderators(other)) {
      assertThat(desk.status()).isEqualTo(200);
      int pendingBefore = desk.next("hello").json().path("counts").path("pending").asInt();
      long held = post("live-c", "I will kill you, moderator queue");
      Event queued = desk.next("queued");
      assertThat(queued.json().path("id").asLong()).isEqualTo(held);
      assertThat(queued.json().path("counts").path("pending").asInt()).isEqualTo(pendingBefore + 1);

      String path = "/api/v1/sites/news/comments/" + held;
      assertThat(server.send(mod, "POST", path + "/claim", null).status()).isEqualTo(200);
      Event claimed = desk2.next("claimed");
      assertThat(claimed.json().path("id").asLong()).isEqualTo(held);
      assertThat(claimed.json().path("claim").path("by").asText()).isEqualTo("live-mod@example.org");
      assertThat(claimed.json().path("claim").path("account").asLong()).isPositive(); // the page tells its own claims

      var refused = server.send(other, "POST", path + "/approve", null);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.error()).isEqualTo("CLAIMED_BY_OTHER");
      assertThat(refused.json().path("error").path("message").asText()).contains("live-mod@example.org");
      assertThat(server.send(other, "POST", path + "/claim", null).error()).isEqualTo("CLAIMED_BY_OTHER");
      assertThat(server.send(other, "POST", path + "/ban", null).error()).isEqualTo("CLAIMED_BY_OTHER");
      assertThat(server.send(other, "POST", "/api/v1/sites/news/bulk",
          "{\"action\":\"reject\",\"ids\":[" + held + "]}").error()).isEqualTo("CLAIMED_BY_OTHER");
      assertThat(server.send(mod, "POST", path + "/claim", null).status()).isEqualTo(200); // renewing is fine

      assertThat(server.send(mod, "POST", path + "/reject", null).status()).isEqualTo(200);
      Event resolved = desk2.next("resolved");
      assertThat(resolved.json().path("id").asLong()).isEqualTo(held);
      assertThat(resolved.json().path("counts").path("pending").asInt()).isEqualTo(pendingBefore);
      assertThat(desk2.next("released").json().path("id").asLong()).isEqualTo(held);
      // acting released the claim: the other moderator may now undo or act
      assertThat(server.send(other, "POST", path + "/approve", null).status()).isEqualTo(200);
    }
  }

  @Test
  void reportsReachModeratorsButNeverReaders() {
    long id = post("live-d", "A perfectly civil comment to report.");
    try (EventStream desk = moderators(mod); EventStream reader = readers("live-d")) {
      desk.next("hello");
      for (int i = 0; i < 3; i++) {
        server.send(new As("X-Parley-Client", "reporter-" + i, "X-Forwarded-For", "198.51.100." + i), "POST", "/api/v1/comments/" + id + "/report", "{\"reason\":\"spam\"}");
      }
      assertThat(desk.next("reported").json().path("id").asLong()).isEqualTo(id);
      post("live-d", "A marker comment after the reports.");
      // readers get the marker and nothing about reports
      assertThat(reader.next(e -> !e.name().equals(":"), WAIT).name()).isEqualTo("published");
    }
  }

  @Test
  void aReleasedClaimLetsTheOtherModeratorClaim() {
    long held = post("live-e", "I will kill you, second claim");
    String path = "/api/v1/sites/news/comments/" + held + "/claim";
    assertThat(server.send(mod, "POST", path, null).json().path("moderator").asText()).isEqualTo("live-mod@example.org");
    assertThat(server.send(mod, "DELETE", path, null).status()).isEqualTo(204);
    assertThat(server.send(other, "POST", path, null).status()).isEqualTo(200);
    assertThat(server.send(other, "DELETE", path, null).status()).isEqualTo(204);
    assertThat(server.send(mod, "POST", "/api/v1/sites/news/comments/999999/claim", null).error()).isEqualTo("COMMENT_NOT_FOUND");
  }
}
