package parley.classify.train;

import java.util.Locale;

/** Which part of a dataset an example belongs to. {@link #key()} is the name used in dataset JSONL ("train"). */
public enum Split {
  TRAIN, DEV, TEST;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The split {@code key} names, any case; an unknown name is an {@link IllegalArgumentException}. */
  public static Split fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
