package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer;
import parley.testing.NewsSiteFlow;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/** An admin moves or merges an article's thread: everything follows in one go and the old key keeps resolving. */
class ThreadMoveFlowTest extends NewsSiteFlow {

  private long post(String page, String body, Long parent) {
    Reply r = server.send(As.reader("r-" + body.length()), "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":"
        + ModerationServer.quote(page) + ",\"body\":" + ModerationServer.quote(body)
        + (parent == null ? "" : ",\"parentId\":" + parent) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("comment").path("id").asLong();
  }

  private long scalar(String sql) {
    return server.app().database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private long threadOf(long comment) {
    return scalar("SELECT thread_id FROM comments WHERE id = " + comment);
  }

  private Reply move(As as, long thread, String json) {
    return server.send(as, "POST", S + "/threads/" + thread + "/move", json);
  }

  private JsonNode read(String page) {
    return server.send(As.ANONYMOUS, "GET", "/api/v1/threads?site=news&page="
        + URLEncoder.encode(page, StandardCharsets.UTF_8), null).json();
  }

  @Test
  void mergingMovesEveryRowAndTheOldAddressResolvesToTheMergedThread() {
    long a1 = post("https://news.example/merge-old", "First on the old address.", null);
    post("https://news.example/merge-old", "A reply on the old address.", a1);
    long from = threadOf(a1);
    long into = threadOf(post("https://news.example/merge-new", "First on the new address.", null));
    server.app().database().write(h -> {
      h.execute("INSERT INTO thread_sources (site_id, source, source_id, thread_id) VALUES ('news', 'disqus', 'x1', "
          + from + ")");
      h.execute("INSERT INTO reply_subscriptions (site_id, email, thread_id, created_at) VALUES ('news', 'both@x.org', "
          + from + ", 1), ('news', 'both@x.org', " + into + ", 1), ('news', 'old@x.org', " + from + ", 1)");
      return null;
    });

    Reply moved = move(admin, from, "{\"page\":\"http://www.news.example/merge-new/?utm_source=mail\"}");
    assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
    assertThat(moved.json().path("merged").asBoolean()).isTrue();
    assertThat(moved.json().path("threadId").asLong()).isEqualTo(into);

    assertThat(scalar("SELECT COUNT(*) FROM threads WHERE id = " + from)).isZero();
    assertThat(scalar("SELECT COUNT(*) FROM comments WHERE thread_id = " + into)).isEqualTo(3);
    assertThat(scalar("SELECT thread_id FROM thread_sources WHERE source_id = 'x1'")).isEqualTo(into);
    assertThat(scalar("SELECT COUNT(*) FROM reply_subscriptions WHERE thread_id = " + into)).isEqualTo(2);
    assertThat(scalar("SELECT COUNT(*) FROM reply_subscriptions WHERE thread_id = " + from)).isZero();
    assertThat(scalar("SELECT published_count FROM threads WHERE id = " + into)).isEqualTo(3);
    // the old address keeps its discussion: reads, counts and new comments all land in the merged thread
    assertThat(read("https://news.example/merge-old").path("comments").size()).isEqualTo(2); // two top-level
    assertThat(read("https://news.example/merge-old").path("thread").path("id").asLong()).isEqualTo(into);
    assertThat(server.send(As.ANONYMOUS, "GET", "/api/v1/counts?site=news&page=https://news.example/merge-old", null)
        .json().path("counts").path("https://news.example/merge-old").asInt()).isEqualTo(3);
    assertThat(threadOf(post("https://news.example/merge-old#comments", "Late, via the old link.", null)))
        .isEqualTo(into);
    JsonNode entry = server.send(admin, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("thread_moved");
    assertThat(entry.path("before").path("pageKey").asText()).isEqualTo("news.example/merge-old");
    assertThat(entry.path("after").path("threadId").asLong()).isEqualTo(into);
  }

  @Test
  void repointingKeepsTheThreadAndItsSettingsUnderTheNewKey() {
    long c = post("https://news.example/draft-slug", "On the draft address.", null);
    long thread = threadOf(c);
    Reply moved = move(admin, thread, "{\"page\":\"https://news.example/final-slug\"}");
    assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
    assertThat(moved.json().path("merged").asBoolean()).isFalse();
    assertThat(moved.json().path("pageKey").asText()).isEqualTo("news.example/final-slug");
    assertThat(scalar("SELECT id FROM threads WHERE page_key = 'news.example/final-slug'")).isEqualTo(thread);
    assertThat(read("https://news.example/draft-slug").path("thread").path("id").asLong()).isEqualTo(thread);
    assertThat(threadOf(post("https://news.example/draft-slug", "Via the draft link.", null))).isEqualTo(thread);
    // and back again: the alias gives way to the real key, the other spelling becomes the alias
    assertThat(move(admin, thread, "{\"page\":\"https://news.example/draft-slug\"}").status()).isEqualTo(200);
    assertThat(read("https://news.example/final-slug").path("thread").path("id").asLong()).isEqualTo(thread);
  }

  @Test
  void badInputIsRefusedWithAnErrorCodeAndHostileKeysAreOnlyText() {
    long thread = threadOf(post("https://news.example/bad-input", "Here.", null));
    assertThat(move(admin, thread, "{}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(move(admin, thread, "{\"page\":\"   \"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(move(admin, thread, "{\"page\":" + ModerationServer.quote("x".repeat(513)) + "}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(move(admin, thread, "not json").status()).isEqualTo(400);
    Reply itself = move(admin, thread, "{\"page\":\"http://news.example/bad-input/#x\"}");
    assertThat(itself.status()).isEqualTo(409);
    assertThat(itself.error()).isEqualTo("THREAD_MOVE_TO_ITSELF");
    assertThat(move(admin, 987654321, "{\"page\":\"elsewhere\"}").error()).isEqualTo("THREAD_NOT_FOUND");
    assertThat(server.send(admin, "POST", S + "/threads/abc/move", "{\"page\":\"x\"}").status()).isEqualTo(404);
    // without the CSRF token a cookie session may not move anything
    As noCsrf = new As(admin.headers()[0], admin.headers()[1]);
    assertThat(move(noCsrf, thread, "{\"page\":\"csrf\"}").status()).isEqualTo(403);

    String hostile = "x'); DROP TABLE threads; --<script>alert(1)</script>";
    Reply moved = move(admin, thread, "{\"page\":" + ModerationServer.quote(hostile) + "}");
    assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
    assertThat(moved.json().path("pageKey").asText()).isEqualTo(hostile);
    assertThat(moved.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(scalar("SELECT COUNT(*) FROM threads WHERE id = " + thread)).isEqualTo(1);
  }
}
