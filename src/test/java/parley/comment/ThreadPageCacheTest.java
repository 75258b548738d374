package parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.importing.UserData;
import parley.moderation.Policy;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.testing.TempDirs;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/**
 * The cached thread page: every kind of write shows on the next read (the cache must actually answer in between),
 * per-reader fields never reach another reader, and on PostgreSQL a write through one server shows on another's next
 * read. Runs on SQLite and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(parley.store.Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreadPageCacheTest {
  @Parameter
  parley.store.Dialect kind;
  TestDb db;
  ModerationServer server;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() {
    db = TestDatabases.create(kind);
    server = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier());
    // the calibrated thresholds stay (threats are held); one browser posts more than a reader would in a minute
    server.app().moderation().updatePolicy(ModerationServer.SITE, Policy.defaults().withRateLimits(1000, 1000));
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.ADMIN);
    mod = server.login("mod@example.org", Staff.PASSWORD);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    db.close();
  }

  @Test
  void everyKindOfWriteShowsOnTheNextRead() throws Exception {
    String page = "/2026/cache-flow";
    Reply first = post(server, "writer", page, "Ada", "ada@example.org", "The first comment.");
    long id = first.json().path("comment").path("id").asLong();
    String token = first.json().path("editToken").asText();
    long threadId = read(page).path("thread").path("id").asLong();
    double hitsBefore = cacheHits(server);
    assertThat(read(page)).isEqualTo(read(page));
    assertThat(cacheHits(server)).as("reads between writes come from the cache").isGreaterThan(hitsBefore);

    edit(id, token, "The first comment, edited.");
    assertThat(only(read(page)).path("html").asText()).contains("edited");

    server.send(As.reader("voter"), "POST", "/api/v1/comments/" + id + "/vote", "{\"value\":1}");
    assertThat(only(read(page)).path("score").asInt()).isEqualTo(1);

    long second = post(server, "writer-2", page, "Bo", null, "A second comment.").json().path("comment").path("id").asLong();
    assertThat(read(page).path("comments")).hasSize(2);
    assertThat(read(page).path("thread").path("commentCount").asInt()).isEqualTo(2);

    act(second, "reject");
    assertThat(read(page).path("comments")).hasSize(1);
    assertThat(counts(page)).isEqualTo(1);
    act(second, "approve");
    assertThat(read(page).path("comments")).hasSize(2);

    // a ban removes nothing by itself; the moderator removes the comment with it (every test posts from one address)
    assertThat(server.send(mod, "POST", "/api/v1/sites/news/comments/" + second + "/ban", "{\"covers\":[\"client\"]}")
        .status()).isEqualTo(200);
    assertThat(server.send(mod, "POST", "/api/v1/sites/news/bulk", "{\"action\":\"reject\",\"ids\":[" + second + "]}")
        .status()).isEqualTo(200);
    assertThat(read(page).path("comments")).hasSize(1);

    close(threadId, true);
    assertThat(read(page).path("thread").path("closed").asBoolean()).isTrue();
    close(threadId, false);
    assertThat(read(page).path("thread").path("closed").asBoolean()).isFalse();

    Reply deleted = server.send(new As("X-Parley-Client", "writer", "X-Edit-Token", token), "DELETE",
        "/api/v1/comments/" + id, null);
    assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(200);
    assertThat(read(page).path("comments")).isEmpty();
    assertThat(counts(page)).isZero();

    assertThat(post(server, "writer-3", page, "Ada", "ada@example.org", "Please forget me.").status()).isEqualTo(201);
    assertThat(only(read(page)).path("author").asText()).isEqualTo("Ada");
    UserData.erase(server.app().database(), new UserData.Person("ada@example.org", null, ModerationServer.SITE));
    assertThat(read(page).path("comments")).isEmpty();
    assertThat(read(page).path("thread").path("commentCount").asInt()).isZero();

    importOneComment(page);
    assertThat(only(read(page)).path("author").asText()).isEqualTo("Imported Ivy");
    assertThat(read(page).path("thread").path("commentCount").asInt()).isEqualTo(1);
    assertThat(counts(page)).isEqualTo(1);
  }

  @Test
  void perReaderFieldsNeverReachAnotherReader() {
    String page = "/2026/cache-mine";
    long theirs = post(server, "other", page, "Cy", null, "Somebody else's comment.").json().path("comment").path("id").asLong();
    JsonNode cold = read(page, As.reader("bystander"));   // fills the cache first
    Reply mine = post(server, "me", page, "Me", null, "My own comment.");
    String myMarkdown = "My own comment.";
    server.send(As.reader("me"), "POST", "/api/v1/comments/" + theirs + "/vote", "{\"value\":-1}");
    Reply held = server.comment(As.reader("me"), page, "Someone should hurt the council for this");
    assertThat(held.json().path("comment").path("state").asText()).isEqualTo("pending");
    assertThat(cold.path("comments")).hasSize(1);

    for (int round = 0; round < 2; round++) {   // in either order of who reads first
      JsonNode own = read(page, As.reader("me"));
      assertThat(own.path("comments")).hasSize(3);
      assertThat(own.path("comments").findValuesAsText("body")).contains(myMarkdown);
      assertThat(own.path("comments").findValues("mine").stream().filter(JsonNode::asBoolean)).hasSize(2);
      assertThat(own.path("comments").findValues("myVote").stream().map(JsonNode::asInt)).contains(-1);

      for (As other : new As[] {As.ANONYMOUS, As.reader("bystander"), As.reader("someone-new")}) {
        JsonNode seen = read(page, other);
        assertThat(seen.path("comments")).as("the held comment is its author's alone").hasSize(2);
        assertThat(seen.path("comments").findValues("mine")).allMatch(m -> !m.asBoolean());
        assertThat(seen.path("comments").findValues("myVote")).allMatch(v -> v.asInt() == 0);
        assertThat(seen.path("comments").findValues("body")).allMatch(JsonNode::isNull);
        assertThat(seen.path("comments").findValues("score").stream().map(JsonNode::asInt)).contains(-1);
      }
    }
    assertThat(mine.status()).isEqualTo(201);
  }

  @Test
  void aWriteThroughOneServerShowsOnAnothersNextRead() {
    org.junit.jupiter.api.Assumptions.assumeTrue(kind == parley.store.Dialect.POSTGRESQL, "instances share PostgreSQL");
    String page = "/2026/two-servers";
    try (ModerationServer other = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
      long id = post(server, "one", page, "One", null, "Written on the first server.").json().path("comment").path("id").asLong();
      long threadId = read(other, page, As.ANONYMOUS).path("thread").path("id").asLong();
      assertThat(read(other, page, As.ANONYMOUS)).isEqualTo(read(other, page, As.ANONYMOUS)); // cached there now

      post(server, "two", page, "Two", null, "Also written on the first.");
      assertThat(read(other, page, As.ANONYMOUS).path("comments")).hasSize(2);
      server.send(As.reader("v"), "POST", "/api/v1/comments/" + id + "/vote", "{\"value\":1}");
      assertThat(read(other, page, As.ANONYMOUS).path("comments").get(0).path("score").asInt()).isEqualTo(1);
      act(id, "reject");
      assertThat(read(other, page, As.ANONYMOUS).path("comments")).hasSize(1);
      close(threadId, true);
      assertThat(read(other, page, As.ANONYMOUS).path("thread").path("closed").asBoolean()).isTrue();
      // and the other way round
      Reply refused = post(other, "three", page, "Three", null, "Closed now.");
      assertThat(refused.error()).isEqualTo("THREAD_CLOSED");
    }
  }

  private static Reply post(ModerationServer s, String client, String page, String author, String email, String body) {
    String json = "{\"site\":\"news\",\"page\":" + ModerationServer.quote(page) + ",\"author\":" + ModerationServer.quote(author)
        + (email == null ? "" : ",\"email\":" + ModerationServer.quote(email)) + ",\"body\":" + ModerationServer.quote(body) + "}";
    return s.send(As.reader(client), "POST", "/api/v1/comments", json);
  }

  private JsonNode read(String page) {
    return read(server, page, As.ANONYMOUS);
  }

  private JsonNode read(String page, As as) {
    return read(server, page, as);
  }

  private static JsonNode read(ModerationServer s, String page, As as) {
    Reply r = s.send(as, "GET", "/api/v1/threads?site=news&page=" + page, null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode only(JsonNode thread) {
    assertThat(thread.path("comments")).hasSize(1);
    return thread.path("comments").get(0);
  }

  private int counts(String page) {
    return server.send(As.ANONYMOUS, "GET", "/api/v1/counts?site=news&page=" + page, null).json()
        .path("counts").path(page).asInt();
  }

  private void edit(long id, String token, String body) {
    Reply r = server.send(As.reader("writer"), "PATCH", "/api/v1/comments/" + id,
        "{\"editToken\":\"" + token + "\",\"body\":" + ModerationServer.quote(body) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
  }

  private void act(long id, String action) {
    Reply r = server.send(mod, "POST", "/api/v1/sites/news/comments/" + id + "/" + action, null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
  }

  private void close(long threadId, boolean closed) {
    Reply r = server.send(mod, "POST", "/api/v1/sites/news/threads/" + threadId + "/close", "{\"closed\":" + closed + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(204);
  }

  private static double cacheHits(ModerationServer s) {
    String metrics = s.send(As.ANONYMOUS, "GET", "/metrics", null).raw().body();
    return metrics.lines().filter(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"thread_pages\"")
            && l.contains("result=\"hit\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  /** A Disqus export holding one comment on this page, imported as {@code parley import disqus} does. */
  private void importOneComment(String page) throws Exception {
    Path dir = Files.createTempDirectory("parley-cache-import-");
    try {
      Path file = dir.resolve("disqus.xml");
      Files.writeString(file, """
          <?xml version="1.0" encoding="utf-8"?>
          <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
            <thread dsq:id="500">
              <link>https://news.example%s</link>
              <title>Cached</title>
              <createdAt>2019-03-01T08:00:00Z</createdAt>
              <isClosed>false</isClosed>
              <isDeleted>false</isDeleted>
            </thread>
            <post dsq:id="5001">
              <message><![CDATA[<p>From the old system.</p>]]></message>
              <createdAt>2019-03-01T09:00:00Z</createdAt>
              <isDeleted>false</isDeleted>
              <isSpam>false</isSpam>
              <author><name>Imported Ivy</name><isAnonymous>true</isAnonymous></author>
              <thread dsq:id="500" />
            </post>
          </disqus>
          """.formatted(page));
      Imports.xml(server.app().database(), Imports.Format.DISQUS, ModerationServer.SITE, file, PageKey.PATH,
          new Importer.Options(10, 1), Imports.ProgressFactory.NONE);
    } finally {
      TempDirs.deleteQuietly(dir);
    }
  }
}
