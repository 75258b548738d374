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

  /** True when nothing in {@code text} would show: only spaces, zero-width and format characters, fillers, marks. */
  public static boolean invisible(String text) {
    return text.codePoints().allMatch(TextInput::invisible);
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
        || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.CONTROL
        || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800; // Hangul fillers, blank braille
  }

  /** True when {@code text} has an embedding, override or isolate that reorders the text after it. */
  public static boolean hasBidiControl(String text) {
    return text.codePoints().anyMatch(cp -> (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
  }
}
