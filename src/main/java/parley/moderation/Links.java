package parley.moderation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Links in a comment's text: the evidence of promotion that a spam score alone is not. */
public final class Links {
  private static final Pattern LINK = Pattern.compile(
      "(?i)\\b(?:https?://|www\\.)[^\\s<>()\\[\\]]+|\\b[a-z0-9-]+\\.(?:com|net|org|info|biz|ru|xyz|top|io|co)\\b(?:/\\S*)?");

  private Links() {}

  public static int count(String text) {
    if (text == null) return 0;
    Matcher m = LINK.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  /**
   * Whether a spam score may reject: only with a link in the text. Without one, a high spam score holds for a person
   * (a long, civil comment can look like promotion to the model; a repeat is held by the duplicate rule).
   */
  public static boolean spamMayReject(String text) {
    return count(text) > 0;
  }
}
