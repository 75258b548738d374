package parley.thread;

/**
 * An article's own choice for an on/off setting: follow the site's default, or switch it on or off for this article
 * whatever the default says (a site that pre-moderates everything can still open one live blog).
 */
public enum Toggle {
  INHERIT, ON, OFF;

  /** As the API and the export spell it: true, false, or null (left out) for "follow the site". */
  public static Toggle of(Boolean value) {
    return value == null ? INHERIT : value ? ON : OFF;
  }

  /** As stored: a column that switches the setting on and one that switches it off (never both). */
  static Toggle stored(boolean on, boolean off) {
    return on ? ON : off ? OFF : INHERIT;
  }

  /** The API's spelling; see {@link #of}. */
  public Boolean json() {
    return this == INHERIT ? null : this == ON;
  }

  /** The value in force, given the site's default. */
  public boolean over(boolean siteDefault) {
    return this == INHERIT ? siteDefault : this == ON;
  }
}
