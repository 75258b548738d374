package parley.classify;

import java.util.Arrays;

/**
 * Joins a word written one letter at a time ("m u s l i m s", "f.u.c.k", "i-d-i-o-t") where the letters make a known
 * word ({@link JoinedWords}'s list; of three or four letters, one common in comments: "g a y", not "I a m"), or a word
 * that {@link LeetWords} respells into one ("m u 5 l 1 m s"). The network reads "m u s l i m s" as seven one-letter
 * pieces that mean little. Three or more single characters, one separator between each (a space, or the same one of
 * {@code . - _ *} throughout), nothing glued on either side.
 */
public final class SpacedLetters {
  private static final String SEPARATORS = " .-_*";
  private static final int MAX_LETTERS = 40;

  private final JoinedWords words;
  private final LeetWords leet;

  public SpacedLetters(JoinedWords words, LeetWords leet) {
    this.words = words;
    this.leet = leet;
  }

  /** The shipped word list's joiner. */
  public static SpacedLetters shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final SpacedLetters INSTANCE = new SpacedLetters(JoinedWords.shipped(), LeetWords.shipped());
  }

  /**
   * A text with the separators of spelled-out words taken out.
   *
   * @param removed code-point indices, in the text as written, of the characters taken out, ascending
   */
  public record Joined(String text, int[] removed) {
    /** The code-point offset in the text as written of a code-point offset in {@link #text}. */
    public int original(int offset) {
      int lo = 0, hi = removed.length; // removed[k] - k: where the k-th removed character would sit in text
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (removed[mid] - mid <= offset) lo = mid + 1;
        else hi = mid;
      }
      return offset + lo;
    }

    public boolean changed() {
      return removed.length > 0;
    }
  }

  /** The text with spelled-out words joined (the same text, nothing removed, where there are none). */
  public Joined join(String text) {
    StringBuilder out = null;
    int[] removed = new int[0];
    int count = 0, copied = 0, n = text.length();
    for (int i = 0; i < n; i++) {
      if (!single(text, i)) continue;
      int end = runEnd(text, i);
      if (end < 0) continue;
      String word = letters(text, i, end);
      String lower = word.toLowerCase(java.util.Locale.ROOT);
      boolean known = lower.length() <= 4 ? words.common(lower) : words.known(lower); // not "I a m"
      if (known || !leet.respell(lower).equals(lower)) {
        if (out == null) out = new StringBuilder(n);
        out.append(text, copied, i).append(word);
        for (int k = i + 1; k < end; k += 2) {
          if (count == removed.length) removed = Arrays.copyOf(removed, Math.max(16, count * 2));
          removed[count++] = k; // a UTF-16 index: made a code-point index below
        }
        copied = end;
      }
      i = end - 1;
    }
    if (out == null) return new Joined(text, new int[0]);
    out.append(text, copied, n);
    int[] cps = Arrays.copyOf(removed, count);
    if (text.length() != text.codePointCount(0, text.length())) {
      for (int k = 0; k < cps.length; k++) cps[k] = text.codePointCount(0, cps[k]);
    }
    return new Joined(out.toString(), cps);
  }

  /** Whether text[i] is a single letter or leet character with no letter or digit glued before it. */
  private static boolean single(String text, int i) {
    return spellable(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
        && i + 1 < text.length() && SEPARATORS.indexOf(text.charAt(i + 1)) >= 0;
  }

  /**
   * The end of a spelled-out word starting at i (one past its last character), or -1: at least three characters, the
   * same separator between each, at least two of them letters, nothing glued after the last.
   */
  private static int runEnd(String text, int i) {
    char sep = text.charAt(i + 1);
    int k = i, chars = 1, letters = Character.isLetter(text.charAt(i)) ? 1 : 0;
    while (k + 2 < text.length() && text.charAt(k + 1) == sep && spellable(text.charAt(k + 2))
        && (k + 3 >= text.length() || !Character.isLetterOrDigit(text.charAt(k + 3))) && chars < MAX_LETTERS) {
      k += 2;
      chars++;
      if (Character.isLetter(text.charAt(k))) letters++;
    }
    return chars >= 3 && letters >= 2 ? k + 1 : -1;
  }

  private static String letters(String text, int from, int to) {
    StringBuilder w = new StringBuilder((to - from + 1) / 2);
    for (int k = from; k < to; k += 2) w.append(text.charAt(k));
    return w.toString();
  }

  private static boolean spellable(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "013457@$!".indexOf(c) >= 0;
  }
}
