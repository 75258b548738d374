package parley.thread;

import java.time.Duration;
import java.time.Instant;

/**
 * A site's defaults for its articles' settings; an article inherits each one it does not set itself.
 *
 * @param premoderate hold every new comment on the site's articles
 * @param closeAfterDays close an article this many days after its thread began (its first comment), or null for never
 * @param notice plain text shown above every thread of the site, or null
 * @param qa every article of the site is in Q&A mode (see {@link ThreadSettings#qa()})
 */
public record ArticleDefaults(boolean premoderate, Integer closeAfterDays, String notice, boolean qa) {
  public static final ArticleDefaults NONE = new ArticleDefaults(false, null, null, false);

  /** Where an effective setting came from. */
  public enum Source {
    ARTICLE, SITE, NONE;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The settings an article has in force: its own where set (pre-moderation or Q&A on, a notice, a closing time),
   * else these.
   */
  public ThreadSettings applyTo(ThreadSettings own, Instant threadCreatedAt) {
    return new ThreadSettings(own.premoderate() || premoderate, own.notice() != null ? own.notice() : notice,
        own.closesAt() != null ? own.closesAt() : closesAt(threadCreatedAt), own.qa() || qa);
  }

  /** Where each of {@code applyTo}'s values came from. */
  public Sources sources(ThreadSettings own) {
    return new Sources(
        own.premoderate() ? Source.ARTICLE : premoderate ? Source.SITE : Source.NONE,
        own.notice() != null ? Source.ARTICLE : notice != null ? Source.SITE : Source.NONE,
        own.closesAt() != null ? Source.ARTICLE : closeAfterDays != null ? Source.SITE : Source.NONE,
        own.qa() ? Source.ARTICLE : qa ? Source.SITE : Source.NONE);
  }

  /** Per setting, whether the article's own value, the site default or nothing is in force. */
  public record Sources(Source premoderate, Source notice, Source closesAt, Source qa) {}

  private Instant closesAt(Instant threadCreatedAt) {
    return closeAfterDays == null ? null : threadCreatedAt.plus(Duration.ofDays(closeAfterDays));
  }
}
