package parley.comment;

import java.time.Instant;

/**
 * Something that happened to a comment, with what a listener needs to tell others about it (the thread, the parent's
 * author). Built inside the transaction that made it happen.
 */
public record CommentEvent(Kind kind, long commentId, String siteId, long threadId, String pageKey, String url,
    String title, Long parentId, String parentEmail, String authorName, String authorEmail, String body,
    Instant createdAt) {

  /** Published: visible to everyone (on arrival or approved later). Held: waits for a moderator. Reported: reached the reported queue. */
  public enum Kind {
    PUBLISHED, HELD, REPORTED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
