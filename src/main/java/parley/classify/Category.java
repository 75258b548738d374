package parley.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonKey;

/** The moderation categories every comment is scored for. {@link #key()} is the name used in JSON and datasets. */
public enum Category {
  TOXIC, HATE, INSULT, THREAT, OBSCENE, SPAM;

  /** The lowercase name; Jackson writes it for map keys too, so {@code Map<Category, …>} stays {"toxic": …}. */
  @JsonKey
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The category for {@code key}, any case; Jackson reads values and map keys with it. */
  @JsonCreator
  public static Category fromKey(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }
}
