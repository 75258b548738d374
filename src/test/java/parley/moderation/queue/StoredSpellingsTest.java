package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import parley.classify.Category;
import parley.comment.CommentState;
import parley.moderation.Rule;
import parley.kit.Json;

/**
 * Enums whose values are stored as text: each value round-trips through its stored spelling, and the spellings are
 * exactly those existing databases and archives hold, so renaming a constant cannot silently change stored data.
 */
class StoredSpellingsTest {
  @Test
  void auditActionsKeepTheirStoredSpellings() {
    assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::key)).containsExactly(
        "approve", "reject", "feature", "unfeature", "ban", "close_thread", "open_thread", "undo", "thread_settings",
        "thread_moved", "suspend", "article_defaults");
    for (AuditAction a : AuditAction.values()) assertThat(AuditAction.fromKey(a.key())).contains(a);
    // an archive from another version may hold an action this one does not know: read, never undone
    assertThat(AuditAction.fromKey("policy")).isEmpty();
  }

  @Test
  void reasonRulesKeepTheirStoredSpellings() {
    assertThat(Arrays.stream(Rule.values()).map(Rule::key)).containsExactly("words.banned", "words.suspect", "links",
        "duplicate", "mode.premoderate", "mode.trust", "thread.premoderate", "classifier.off", "classifier.failed", "classifier.language",
        "honeypot", "score", "trust.low", "trust.trusted");
    for (Rule r : Rule.values()) assertThat(Rule.fromKey(r.key())).contains(r);
    assertThat(Rule.scoreKey(Category.THREAT)).isEqualTo("score.threat");
    assertThat(Rule.fromKey("score.threat")).contains(Rule.SCORE);
    assertThat(Rule.fromKey("classifier.busy-in-a-future-version")).isEmpty();
  }

  @Test
  void commentStatesKeepTheirStoredSpellings() {
    assertThat(Arrays.stream(CommentState.values()).map(CommentState::key))
        .containsExactly("published", "pending", "rejected", "deleted");
    for (CommentState s : CommentState.values()) assertThat(CommentState.fromKey(s.key())).isEqualTo(s);
  }

  @Test
  void aModeratedStateIsWrittenToTheAuditLogInItsStoredSpelling() throws Exception {
    String json = Json.MAPPER.writeValueAsString(new ModState(CommentState.PENDING, true, false));
    assertThat(json).isEqualTo("{\"state\":\"pending\",\"featured\":true,\"reportOpen\":false}");
    assertThat(Json.MAPPER.readValue(json, ModState.class)).isEqualTo(new ModState(CommentState.PENDING, true, false));
  }

  @Test
  void everyModeratorActionIsAuditedUnderItsOwnName() {
    for (ModeratorActions.Action a : ModeratorActions.Action.values()) {
      assertThat(a.audited().key()).isEqualTo(a.name().toLowerCase(java.util.Locale.ROOT));
      assertThat(a.audited().undoable()).as(a + " can be undone").isTrue();
    }
  }
}
