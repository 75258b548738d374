package parley.comment;

import java.text.Normalizer;

/** Cleans user text before it is stored: no NUL or control characters, no lone surrogates, NFC, Unix newlines. */
public final class TextInput {
  private TextInput() {}

  public static String clean(String text) {
    if (text == null) return null;
    String s = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(ch).append(s.charAt(++i));
      } else if (Character.isSurrogate(ch)) {
        out.append('\uFFFD'); // PostgreSQL refuses unpaired surrogates; keep a visible trace instead
      } else if (ch == '\n' || ch == '\t' || !(Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029')) {
        out.append(ch);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** A single-line field (names): cleaned, whitespace collapsed, trimmed. */
  public static String line(String text) {
    String s = clean(text);
    return s == null ? null : s.replaceAll("\\s+", " ").strip();
  }
}
