package parley.moderation.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.store.Database;

/**
 * Moderators' notes on an author ("warned by email on 3 Dec"), reached from any of their comments and kept under the
 * author's strongest identity, as their history is, so every comment of theirs shows the same notes.
 */
public final class AuthorNotes {
  /** Long enough for a paragraph; a note is a reminder, not a case file. */
  static final int MAX_CHARS = 2_000;

  private final Database db;
  private final QueueStore queue;
  private final Clock clock;

  public AuthorNotes(Database db, QueueStore queue, Clock clock) {
    this.db = db;
    this.queue = queue;
    this.clock = clock;
  }

  /** {@code body} is plain text; the dashboard escapes it and the API returns it as it was written. */
  public record Note(long id, String authorKey, String body, String by, Instant createdAt) {}

  public Note add(String siteId, long commentId, String body, Actor actor) {
    String key = queue.find(siteId, commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND))
        .author().key();
    return addForAuthor(siteId, key, body, actor);
  }

  /** A note on the author with this {@link parley.moderation.AuthorRef#key()}, from their user page. */
  public Note addForAuthor(String siteId, String key, String body, Actor actor) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > MAX_CHARS) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'body' is 1 to " + MAX_CHARS + " characters.");
    }
    return db.write(h -> {
      long now = clock.millis();
      long id = h.createUpdate("""
              INSERT INTO author_notes (site_id, author_key, body, created_by, created_by_name, created_at)
              VALUES (:site, :key, :body, :by, :name, :now)""")
          .bind("site", siteId).bind("key", key).bind("body", text).bind("by", actor.id()).bind("name", actor.name())
          .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new Note(id, key, text, actor.name(), Instant.ofEpochMilli(now));
    });
  }

  /** The notes on the author of the comment, newest first. */
  public List<Note> list(String siteId, long commentId) {
    String key = queue.find(siteId, commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND))
        .author().key();
    return forAuthor(siteId, key);
  }

  /** The notes on the author with this key, newest first. */
  public List<Note> forAuthor(String siteId, String key) {
    return db.read(h -> h.createQuery("""
            SELECT * FROM author_notes WHERE site_id = :site AND author_key = :key ORDER BY id DESC LIMIT 200""")
        .bind("site", siteId).bind("key", key)
        .map((rs, ctx) -> new Note(rs.getLong("id"), rs.getString("author_key"), rs.getString("body"),
            rs.getString("created_by_name"), Instant.ofEpochMilli(rs.getLong("created_at"))))
        .list());
  }
}
