package parley.classify;

/** Which model produced a score: the n-gram stage alone, or n-grams stacked with the sentence encoder. */
public enum Stage {
  FAST, ACCURATE;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
