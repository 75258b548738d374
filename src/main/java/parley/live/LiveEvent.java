package parley.live;

import java.util.Locale;

/**
 * One row of {@code live_events}: something a reader of a page or a moderator of a site should hear about. The id
 * is the SSE event id, so a reconnecting browser's {@code Last-Event-ID} resumes after it.
 *
 * @param pageKey the thread's page (readers' topic); set on comment events, null on claims
 * @param detail JSON for claims ({@code {"by": name, "account": id, "until": ms}}), else null
 */
public record LiveEvent(long id, String siteId, String pageKey, Kind kind, Long commentId, String detail,
    long createdAt) {

  public enum Kind {
    /** A comment became visible to every reader of the page. The only kind readers get. */
    PUBLISHED,
    /** A comment is waiting for moderators (held on arrival, or held again after an edit). */
    QUEUED,
    /** Readers' reports put a comment in the reported queue. */
    REPORTED,
    /** A comment left the pending or reported queue (approved, rejected, deleted). */
    RESOLVED,
    CLAIMED,
    RELEASED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }

    public boolean forReaders() {
      return this == PUBLISHED;
    }
  }
}
