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

  /** The settings an article has in force: its own where it sets them, else these. */
  public SettingsInForce applyTo(ThreadSettings own, Instant threadCreatedAt) {
    Instant closes = own.closesAt() != null ? own.closesAt() : own.keepOpen() ? null : closesAt(threadCreatedAt);
    return new SettingsInForce(own.premoderate().over(premoderate), own.notice() != null ? own.notice() : notice,
        closes, own.qa().over(qa));
  }

  /** Where each of {@code applyTo}'s values came from. */
  public Sources sources(ThreadSettings own) {
    return new Sources(
        source(own.premoderate() != Toggle.INHERIT, premoderate),
        source(own.notice() != null, notice != null),
        source(own.closesAt() != null || own.keepOpen(), closeAfterDays != null),
        source(own.qa() != Toggle.INHERIT, qa));
  }

  /** Per setting, whether the article's own value, the site default or nothing is in force. */
  public record Sources(Source premoderate, Source notice, Source closesAt, Source qa) {}

  private static Source source(boolean articleSetsIt, boolean siteSetsIt) {
    return articleSetsIt ? Source.ARTICLE : siteSetsIt ? Source.SITE : Source.NONE;
  }

  private Instant closesAt(Instant threadCreatedAt) {
    return closeAfterDays == null ? null : threadCreatedAt.plus(Duration.ofDays(closeAfterDays));
  }
}
