package parley.thread;

import java.time.Instant;

/**
 * What an article's thread does now: its own settings over the site's defaults (see {@link CommentThread#effective()}).
 *
 * @param closesAt null for never
 */
public record SettingsInForce(boolean premoderate, String notice, Instant closesAt, boolean qa) {

  /** True once the closing time has come. */
  public boolean closedAt(Instant now) {
    return closesAt != null && !now.isBefore(closesAt);
  }
}
