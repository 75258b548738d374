package parley.thread;

import java.time.Instant;

/**
 * A moderator's settings for one article's thread.
 *
 * @param premoderate every new comment on this thread is held for review, whatever the site's mode
 * @param notice plain text shown above the thread (the widget writes it as text, never as HTML), or null
 * @param closesAt when the thread stops taking new comments, or null for never
 * @param qa questions and answers: readers ask, the site's staff answer, and the widget highlights their answers
 */
public record ThreadSettings(boolean premoderate, String notice, Instant closesAt, boolean qa) {
  public static final int MAX_NOTICE_CHARS = 500;
  public static final ThreadSettings NONE = new ThreadSettings(false, null, null, false);

  /** True once the closing time has come. */
  public boolean closedAt(Instant now) {
    return closesAt != null && !now.isBefore(closesAt);
  }
}
