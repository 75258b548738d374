package parley.comment;

import java.util.Locale;

/** Where a comment stands. Only {@code PUBLISHED} is shown to everyone; nothing is ever hard-deleted. */
public enum CommentState {
  PUBLISHED, PENDING, REJECTED, DELETED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CommentState fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
