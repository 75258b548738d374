package parley.thread;

import java.time.Instant;

/**
 * A moderator's settings for one article's thread; each one left unset follows the site's {@link ArticleDefaults}.
 *
 * @param premoderate hold every new comment on this thread for review, or never, or as the site does
 * @param notice plain text shown above the thread (the widget writes it as text, never as HTML), or null
 * @param closesAt when the thread stops taking new comments, or null for the site's closing rule
 * @param keepOpen the thread never closes by time, whatever the site's closing rule (a moderator can still close it)
 * @param qa questions and answers: readers ask, the site's staff answer, and the widget highlights their answers
 */
public record ThreadSettings(Toggle premoderate, String notice, Instant closesAt, boolean keepOpen, Toggle qa) {
  public static final int MAX_NOTICE_CHARS = 500;
  public static final ThreadSettings NONE = new ThreadSettings(Toggle.INHERIT, null, null, false, Toggle.INHERIT);

  public ThreadSettings {
    premoderate = premoderate == null ? Toggle.INHERIT : premoderate;
    qa = qa == null ? Toggle.INHERIT : qa;
    if (keepOpen && closesAt != null) throw new IllegalArgumentException("a thread that stays open has no closing time");
  }
}
