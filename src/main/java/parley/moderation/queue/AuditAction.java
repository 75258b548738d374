package parley.moderation.queue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an audit entry records. The stored spelling is {@link #key()} ("close_thread"); entries restored from an
 * archive may carry spellings this version does not know, so reading one is an {@link Optional}.
 */
public enum AuditAction {
  APPROVE, REJECT, FEATURE, UNFEATURE, BAN, CLOSE_THREAD, OPEN_THREAD, UNDO, THREAD_SETTINGS, THREAD_MOVED, SUSPEND, ARTICLE_DEFAULTS;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AuditAction> fromKey(String key) {
    return Arrays.stream(values()).filter(a -> a.key().equals(key)).findFirst();
  }

  /** Whether undo can reverse it: comment states, bans and suspensions (undo lifts one early); thread switches are flipped back by hand. */
  public boolean undoable() {
    return switch (this) {
      case APPROVE, REJECT, FEATURE, UNFEATURE, BAN, SUSPEND -> true;
      case CLOSE_THREAD, OPEN_THREAD, UNDO, THREAD_SETTINGS, THREAD_MOVED, ARTICLE_DEFAULTS -> false;
    };
  }
}
