package parley.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers for the templates. */
public final class Format {
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  /** "just now", "5 min ago", "3 h ago", "2 d ago". */
  // the templates call this static helper while rendering; a label for the moderator's screen, never stored
  public static String ago(Instant at) {
    long s = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
    if (s < 60) return "just now";
    if (s < 3600) return s / 60 + " min ago";
    if (s < 86_400) return s / 3600 + " h ago";
    return s / 86_400 + " d ago";
  }

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
