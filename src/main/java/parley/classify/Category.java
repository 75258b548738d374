package parley.classify;

/** The moderation categories every comment is scored for. {@link #key()} is the name used in JSON and datasets. */
public enum Category {
  TOXIC, HATE, INSULT, THREAT, OBSCENE, SPAM;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Category fromKey(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }
}
