package parley.classify;

import java.text.Normalizer;

/**
 * Folds a comment into the form the n-gram model sees, defeating common evasions: NFKC/NFKD compatibility forms,
 * case, accents, look-alike Cyrillic/Greek letters, zero-width characters, leetspeak inside words ({@code b1tch},
 * {@code $hit}), letters repeated for emphasis ({@code stuuuupid}) and spaced or dotted letters ({@code k i l l},
 * {@code f.u.c.k}). Every output character keeps the [start, end) range of the original characters it came from, so
 * explanations can point back into the text the author wrote.
 */
public final class TextNormalizer {
  private static final String[] FOLD = new String[65536]; // lazily filled; races write equal values
  private static final String HOMOGLYPHS_FROM = "асеорхуіјѕԁɡκνοαρτυχ";
  private static final String HOMOGLYPHS_TO = "aceopxyijsdgkvoaptux";

  private TextNormalizer() {}

  /** The folded text with per-character offsets into the original. */
  public record Normalized(char[] chars, int length, int[] start, int[] end) {
    public String text() {
      return new String(chars, 0, length);
    }
  }

  public static Normalized normalize(String text) {
    Buf b = rewriteTokens(fold(text));
    return new Normalized(b.chars, b.length, b.start, b.end);
  }

  /** Pass 1: per code point folding; whitespace runs become one space; format characters vanish. */
  private static Buf fold(String text) {
    int n = text.length();
    Buf out = new Buf(n + 8);
    boolean lastSpace = true; // drop leading spaces
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      int cpEnd = i + (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1);
      if (c < 128) {
        if (c <= ' ') {
          if (!lastSpace) out.add(' ', i, cpEnd);
          lastSpace = true;
        } else {
          out.add(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, i, cpEnd);
          lastSpace = false;
        }
      } else if (cpEnd - i == 2) { // astral plane: emoji and rare scripts are kept as they are
        out.add(c, i, cpEnd);
        out.add(text.charAt(i + 1), i, cpEnd);
        lastSpace = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!lastSpace) out.add(' ', i, cpEnd);
        lastSpace = true;
      } else if (Character.getType(c) != Character.FORMAT && !Character.isISOControl(c)) {
        String f = foldChar(c);
        for (int k = 0; k < f.length(); k++) out.add(f.charAt(k), i, cpEnd);
        if (!f.isEmpty()) lastSpace = false;
      }
      i = cpEnd;
    }
    if (out.length > 0 && out.chars[out.length - 1] == ' ') out.length--;
    return out;
  }

  private static String foldChar(char c) {
    String f = FOLD[c];
    if (f == null) {
      String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
      StringBuilder sb = new StringBuilder(d.length());
      for (int k = 0; k < d.length(); k++) {
        char x = d.charAt(k);
        if (Character.getType(x) == Character.NON_SPACING_MARK) continue;
        x = Character.toLowerCase(x);
        int h = HOMOGLYPHS_FROM.indexOf(x);
        sb.append(h >= 0 ? HOMOGLYPHS_TO.charAt(h) : x);
      }
      f = sb.toString();
      FOLD[c] = f;
    }
    return f;
  }

  /** Pass 2: token-level rewrites that need context (leetspeak, letter runs, spaced letters). */
  private static Buf rewriteTokens(Buf in) {
    Buf out = new Buf(in.length + 2);
    int i = 0;
    while (i < in.length) {
      if (in.chars[i] == ' ') {
        out.add(' ', in.start[i], in.end[i]);
        i++;
        continue;
      }
      int j = i;
      while (j < in.length && in.chars[j] != ' ') j++;
      // a run of single-letter tokens ("k i l l") is one word written with spaces
      // ... but "a k i l l e r": the English one-letter words stay words when a run follows them
      boolean oneLetterWord = j == i + 1 && (in.chars[i] == 'a' || in.chars[i] == 'i') && spacedRunEnd(in, i + 2) > 0;
      int runEnd = oneLetterWord ? -1 : spacedRunEnd(in, i);
      if (runEnd > 0) {
        for (int k = i; k < runEnd; k++) if (in.chars[k] != ' ') appendCollapsed(out, in.chars[k], in.start[k], in.end[k]);
        i = runEnd;
        continue;
      }
      appendToken(in, i, j, out);
      i = j;
    }
    return out;
  }

  /**
   * If ≥ 3 one-letter tokens follow each other from {@code i} ("k i l l", the last may carry punctuation: "k i l l!"),
   * the index just after the run; else -1.
   */
  private static int spacedRunEnd(Buf in, int i) {
    int count = 0, end = -1, k = i;
    while (k < in.length && isLetter(in.chars[k])) {
      int j = k + 1;
      while (j < in.length && in.chars[j] != ' ' && !isLetterOrDigit(in.chars[j])) j++;
      if (j < in.length && in.chars[j] != ' ') break; // a longer word, not a spaced letter
      count++;
      end = j;
      if (j > k + 1 || j >= in.length) break; // punctuation closes the run
      k = j + 1;
    }
    return count >= 3 ? end : -1;
  }

  private static void appendToken(Buf in, int from, int to, Buf out) {
    int letters = 0;
    for (int k = from; k < to; k++) if (isLetter(in.chars[k])) letters++;
    boolean dotted = isDottedLetters(in, from, to);
    for (int k = from; k < to; k++) {
      char c = in.chars[k];
      if (dotted && !isLetter(c)) continue; // "f.u.c.k" -> "fuck"
      if (letters >= 2) c = unleet(in, from, to, k, c);
      appendCollapsed(out, c, in.start[k], in.end[k]);
    }
  }

  /** "f.u.c.k", "k-i-l-l": single letters joined by one separator, at least three letters. */
  private static boolean isDottedLetters(Buf in, int from, int to) {
    int len = to - from;
    if (len < 5) return false;
    for (int k = from; k < to; k++) {
      boolean letterSlot = ((k - from) & 1) == 0;
      char c = in.chars[k];
      if (letterSlot ? !isLetter(c) : ".-_*+~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static char unleet(Buf in, int from, int to, int k, char c) {
    boolean prevLetter = k > from && isLetter(in.chars[k - 1]);
    boolean nextLetter = k + 1 < to && isLetter(in.chars[k + 1]);
    return switch (c) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      case '$' -> 's';
      case '@' -> prevLetter ? 'a' : c; // "@user" stays a mention
      case '!', '|' -> prevLetter && nextLetter ? 'i' : c;
      default -> c;
    };
  }

  /** Letter runs longer than two are cut to two: "stuuuupid" -> "stuupid", "kill" stays. */
  private static void appendCollapsed(Buf out, char c, int start, int end) {
    int n = out.length;
    if (n >= 2 && isLetter(c) && out.chars[n - 1] == c && out.chars[n - 2] == c) {
      out.end[n - 1] = end;
      return;
    }
    out.add(c, start, end);
  }

  /** {@link Character#isLetter} with an ASCII shortcut: most comment text is ASCII and this runs per character. */
  private static boolean isLetter(char c) {
    return c < 128 ? (char) ((c | 0x20) - 'a') < 26 : Character.isLetter(c);
  }

  private static boolean isLetterOrDigit(char c) {
    return c < 128 ? (char) ((c | 0x20) - 'a') < 26 || (char) (c - '0') < 10 : Character.isLetterOrDigit(c);
  }

  /** A growable char buffer with original offsets. */
  private static final class Buf {
    char[] chars;
    int[] start;
    int[] end;
    int length;

    Buf(int capacity) {
      chars = new char[capacity];
      start = new int[capacity];
      end = new int[capacity];
    }

    void add(char c, int s, int e) {
      if (length == chars.length) grow();
      chars[length] = c;
      start[length] = s;
      end[length] = e;
      length++;
    }

    private void grow() {
      int cap = chars.length * 2 + 8;
      chars = java.util.Arrays.copyOf(chars, cap);
      start = java.util.Arrays.copyOf(start, cap);
      end = java.util.Arrays.copyOf(end, cap);
    }
  }
}
