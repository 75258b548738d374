package parley.comment;

import parley.testing.BothDatabases;
import parley.store.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/** A retried POST with the same Idempotency-Key makes one comment: across a restart, concurrently, on both stores. */
class IdempotencyKeyTest {
  private static final String BODY = "{\"site\":\"news\",\"page\":\"retry\",\"author\":\"Ada\",\"body\":\"%s\"}";

  private static Reply post(ModerationServer s, String client, String key, String text) {
    return s.send(new As("X-Parley-Client", client, "Idempotency-Key", key), "POST", "/api/v1/comments",
        BODY.formatted(text));
  }

  private static int stored(ModerationServer s, String text) {
    return s.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE body_markdown = :b")
        .bind("b", text).mapTo(Integer.class).one());
  }

  @BothDatabases
  void aRepeatAfterARestartGetsTheOriginalAnswer(Dialect kind) {
    try (TestDb db = TestDatabases.create(kind)) {
      Reply first;
      try (ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
        first = post(s, "reader-1", "key-123", "The night tram is late again.");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.raw().headers().firstValue("Idempotency-Replayed")).isEmpty();
      }
      try (ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
        Reply again = post(s, "reader-1", "key-123", "The night tram is late again.");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw().headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(again.json().path("comment").path("id")).isEqualTo(first.json().path("comment").path("id"));
        assertThat(again.json().path("editToken")).isEqualTo(first.json().path("editToken"));
        assertThat(again.json().path("editableUntil")).isEqualTo(first.json().path("editableUntil"));
        assertThat(stored(s, "The night tram is late again.")).isEqualTo(1);

        Reply changed = post(s, "reader-1", "key-123", "A different comment under the same key.");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.error()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // the same key from another reader is another request
        assertThat(post(s, "reader-2", "key-123", "The night tram is late again.").json().path("comment").path("id"))
            .isNotEqualTo(first.json().path("comment").path("id"));
        assertThat(post(s, "reader-2", "bad key with spaces", "x").error()).isEqualTo("VALIDATION_FAILED");
        String token = first.json().path("editToken").asText();
        long id = first.json().path("comment").path("id").asLong();
        assertThat(s.send(As.ANONYMOUS, "PATCH", "/api/v1/comments/" + id,
            "{\"body\":\"Edited after a replay\",\"editToken\":\"" + token + "\"}").status()).isEqualTo(200);
      }
    }
  }

  @BothDatabases
  void concurrentTwinsMakeOneComment(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind);
        ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier());
        var pool = Executors.newFixedThreadPool(8)) {
      List<Future<Reply>> replies = new ArrayList<>();
      Callable<Reply> twin = () -> post(s, "reader-3", "twin-key", "Sent eight times at once.");
      for (int i = 0; i < 8; i++) replies.add(pool.submit(twin));
      for (Future<Reply> r : replies) assertThat(r.get().status()).isEqualTo(201);
      assertThat(stored(s, "Sent eight times at once.")).isEqualTo(1);
    }
  }
}
