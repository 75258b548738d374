package parley.comment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a comment stands. Only {@code PUBLISHED} is shown to everyone; nothing is ever hard-deleted. Stored and sent
 * as {@link #key()} ("published"), in the database and in JSON alike.
 */
public enum CommentState {
  PUBLISHED, PENDING, REJECTED, DELETED;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static CommentState fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
