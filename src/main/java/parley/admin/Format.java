package parley.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers for the templates. */
public final class Format {
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  public static String full(Instant at) {
    return FULL.format(at);
  }

  public static String clip(String text, int max) {
    if (text == null) return "";
    return text.length() > max ? text.substring(0, max) + "…" : text;
  }

  public static String pct(double v) {
    return Math.round(v * 100) + "%";
  }
}
