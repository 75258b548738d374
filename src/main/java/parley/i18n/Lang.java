package parley.i18n;

import java.util.Locale;

/** The languages Parley ships strings for, with their writing direction. */
public enum Lang {
  EN("en", "ltr", "English"),
  DE("de", "ltr", "Deutsch"),
  AR("ar", "rtl", "العربية");

  private final String tag;
  private final String dir;
  private final String endonym;

  Lang(String tag, String dir, String endonym) {
    this.tag = tag;
    this.dir = dir;
    this.endonym = endonym;
  }

  /** The language's name in itself, as a language menu shows it. */
  public String endonym() {
    return endonym;
  }

  public String tag() {
    return tag;
  }

  public String dir() {
    return dir;
  }

  /** The supported language nearest to a BCP 47 tag ("de-AT" → DE), or null when none is near. */
  public static Lang nearest(String tag) {
    if (tag == null || tag.isBlank()) return null;
    String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    for (Lang l : values()) if (l.tag.equals(primary)) return l;
    return null;
  }

  /** The best supported language of an Accept-Language header, by its q-values; English when none fits. */
  /**
   * The language to write to a reader in: the widget's ({@code widgetLang}, sent with the request), else the browser's
   * ({@code Accept-Language}); null when the request names neither.
   */
  public static Lang ofReader(String widgetLang, String acceptLanguage) {
    Lang chosen = nearest(widgetLang);
    if (chosen != null) return chosen;
    return acceptLanguage == null || acceptLanguage.isBlank() ? null : fromAcceptLanguage(acceptLanguage);
  }

  public static Lang fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) return EN;
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        Lang l = nearest(r.getRange());
        if (l != null) return l;
      }
    } catch (IllegalArgumentException e) {
      return EN; // a malformed header is treated as no preference
    }
    return EN;
  }
}
