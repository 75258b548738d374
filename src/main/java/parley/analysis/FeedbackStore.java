package parley.analysis;

import java.time.Clock;
import parley.store.Database;

/** SQL for moderators' verdicts sent through {@code comments:suggestscore}: one row per attribute. */
final class FeedbackStore {
  private final Database db;

  private final Clock clock;

  FeedbackStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  void save(ApiKey key, SuggestRequest request) {
    long now = clock.millis();
    String language = request.languages().isEmpty() ? null : request.languages().getFirst();
    db.write(h -> {
      var insert = h.prepareBatch("""
          INSERT INTO analysis_feedback (key_id, community_id, client_token, text, language, attribute, value, created_at)
          VALUES (:key, :community, :token, :text, :language, :attribute, :value, :now)""");
      request.values().forEach((attribute, value) -> insert
          .bind("key", key.id())
          .bind("community", request.communityId())
          .bind("token", request.clientToken())
          .bind("text", request.doNotStore() ? null : request.text())
          .bind("language", language)
          .bind("attribute", attribute)
          .bind("value", value)
          .bind("now", now)
          .add());
      return insert.execute();
    });
  }
}
