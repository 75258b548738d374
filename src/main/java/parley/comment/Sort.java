package parley.comment;

import java.util.Locale;

/** Orders of top-level comments. Replies are always oldest first, so a conversation reads top to bottom. */
public enum Sort {
  OLDEST, NEWEST, TOP;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Null for an unknown name. */
  public static Sort parse(String name) {
    for (Sort s : values()) if (s.key().equalsIgnoreCase(name)) return s;
    return null;
  }
}
