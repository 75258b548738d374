package parley.auth;

import java.time.Instant;

/**
 * What a reader sees and sets about themselves: the name their comments carry, their avatar's hue (0-359; null =
 * derived from the name, as for anonymous readers) and whether replies to them are emailed.
 */
public record Profile(long id, String email, String name, Integer hue, boolean notifyReplies, Instant createdAt) {
  /** A change to a profile: null fields stay as they are; {@code clearHue} goes back to the derived colour. */
  public record Change(String name, Integer hue, boolean clearHue, Boolean notifyReplies) {}
}
