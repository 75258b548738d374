package parley.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Mends one typo in a word that is not a known word ({@link JoinedWords}'s list; or one only readers wrote, rarely,
 * whose mend they wrote a hundred times as often: "idoit") where one mend makes a common one (or, for an unknown word,
 * a rarer word of the English lists): two
 * neighbouring letters swapped ("Muslmis", "idoit") or one letter left out ("Mslims", "stupd"). The network reads
 * "muslmis" as pieces ("mu", "##sl", "##mis") that mean little; HateCheck's spelling variants are these two.
 *
 * <p>Only words of {@link #MIN_LETTERS}+ ASCII letters, lower case, capitalised or all capitals (not "SoCal"), standing
 * alone (not in handles, hashtags, links, contractions or next to digits); the mend must be a word seen
 * {@link #MIN_SEEN}+ times in comments, the most often seen where several are (for an unknown word with none, a word of
 * the English lists seen {@link #RARE}+ times will do: "inspiraton"). A swap keeps the text's length; a
 * letter put in is mapped back like a space put in by the splitter ({@link JoinedWords.Split}).
 */
public final class Typos {
  static final int MIN_LETTERS = 4;
  private static final int MAX_LETTERS = 20;
  static final int MIN_SEEN = 30;
  /** A known word seen fewer times than this in comments may be a typo itself, if its mend is seen this much more. */
  private static final int RARE = 10, MORE_OFTEN = 100;
  /** Unknown words looked into per text: a hostile comment of unknown words costs at most ~this many × 0.02 ms. */
  private static final int MAX_WORDS = 40;

  private final JoinedWords words;

  public Typos(JoinedWords words) {
    this.words = words;
  }

  public static Typos shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final Typos INSTANCE = new Typos(JoinedWords.shipped());
  }

  /** The text with its typos mended (the same text, and nothing put in, where there are none). */
  public JoinedWords.Split mend(String text) {
    StringBuilder out = null;
    List<Integer> inserted = null;
    int n = text.length(), cp = 0, copied = 0;
    Budget budget = new Budget();
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      if (!asciiLetter(c)) {
        i += Character.charCount(text.codePointAt(i));
        cp++;
        continue;
      }
      int end = i;
      while (end < n && asciiLetter(text.charAt(end))) end++;
      String mended = end - i < MIN_LETTERS || end - i > MAX_LETTERS || glued(text, i, end) ? null
          : mendWord(text.substring(i, end), budget);
      if (mended != null) {
        if (out == null) {
          out = new StringBuilder(n + 4);
          inserted = new ArrayList<>();
        }
        out.append(text, copied, i).append(mended);
        if (mended.length() > end - i) inserted.add(cp + insertedAt(text, i, end, mended));
        copied = end;
      }
      cp += end - i;
      i = end;
    }
    if (out == null) return new JoinedWords.Split(text, new int[0]);
    out.append(text, copied, n);
    return new JoinedWords.Split(out.toString(), inserted.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * One word mended, in its own case; null where it is a known word, no typo of a known one, or not a word this mends
   * (under {@value #MIN_LETTERS} or over 20 letters, letters outside ASCII, capitals inside: "SoCal").
   */
  public String mendWord(String word, Budget budget) {
    if (word.length() < MIN_LETTERS || word.length() > MAX_LETTERS || budget.words <= 0) return null;
    for (int k = 0; k < word.length(); k++) if (!asciiLetter(word.charAt(k))) return null;
    String mended = mended(word);
    if (mended != null) budget.words--;
    return mended == null || mended.isEmpty() ? null : mended;
  }

  /** How many more unknown words one text may have looked into: one per text, as {@link #mend} has. */
  public static final class Budget {
    private int words = MAX_WORDS;
  }

  /** The word mended in its own case; "" for a word left as it is; null for a known word (nothing spent). */
  private String mended(String word) {
    int upper = 0;
    for (int k = 0; k < word.length(); k++) if (Character.isUpperCase(word.charAt(k))) upper++;
    boolean caps = upper == word.length(), lower = upper == 0;
    if (!caps && !lower && (upper > 1 || !Character.isUpperCase(word.charAt(0)))) return ""; // "SoCal", "OLine", "iPhone"
    String w = word.toLowerCase(java.util.Locale.ROOT);
    int self = words.seen(w);
    // a word of the English lists ("sate", "pint"), or one readers write often: a word. Seen a few times only and
    // not English ("idoit" 3, "goverment" 4): a typo if one mend is seen a hundred times as often ("idiot" 1,014).
    if (self >= RARE || self >= 0 && words.english(w)) return null;
    Mend best = new Mend((self < 0 ? MIN_SEEN : Math.max(MIN_SEEN, MORE_OFTEN * self)) - 1);
    // an unknown word may also be a typo of a rarer word of the English lists seen RARE+ times ("inspiraton":
    // "inspiration" was seen 16 times), where no common word is one mend away: read as its pieces it can mean anything
    // ("what an inspira ##ton" read as an insult). Not a word seen less ("reste" is not "reset", seen 7 times)
    Mend english = new Mend(self < 0 ? RARE - 1 : Integer.MAX_VALUE);
    char[] a = w.toCharArray();
    for (int k = 0; k + 1 < a.length; k++) { // two neighbours swapped
      if (a[k] == a[k + 1]) continue;
      swap(a, k);
      String s = new String(a);
      swap(a, k);
      offer(s, best, english);
    }
    StringBuilder b = new StringBuilder(w.length() + 1);
    for (int k = 1; k <= a.length; k++) { // one letter left out (never the first: "uslims" is not a typo readers make)
      for (char l = 'a'; l <= 'z'; l++) {
        b.setLength(0);
        b.append(w, 0, k).append(l).append(w, k, w.length());
        offer(b, best, english);
      }
    }
    String found = best.word != null ? best.word : english.word;
    if (found == null) return "";
    if (caps) return found.toUpperCase(java.util.Locale.ROOT);
    return lower ? found : Character.toUpperCase(found.charAt(0)) + found.substring(1);
  }

  /** The most often seen candidate so far that was seen more than {@code over}. */
  private static final class Mend {
    String word;
    int over;

    Mend(int over) {
      this.over = over;
    }
  }

  private void offer(CharSequence candidate, Mend common, Mend english) {
    int seen = words.seen(candidate);
    if (seen > common.over) {
      common.word = candidate.toString();
      common.over = seen;
    } else if (seen > english.over && words.english(candidate)) {
      english.word = candidate.toString();
      english.over = seen;
    }
  }

  /** Where a letter went in, as the index in word of the letter it precedes (word.length(): at the end). */
  private static int insertedAt(String text, int from, int to, String mended) {
    int k = 0;
    while (k < to - from && Character.toLowerCase(text.charAt(from + k)) == Character.toLowerCase(mended.charAt(k))) k++;
    return k;
  }

  /** Part of something other than a word: a handle, hashtag, link, address, contraction or a word with digits. */
  private static boolean glued(String text, int from, int to) {
    char before = from > 0 ? text.charAt(from - 1) : ' ', after = to < text.length() ? text.charAt(to) : ' ';
    if ("@#/_'’-.&=\\".indexOf(before) >= 0 || Character.isLetterOrDigit(before)) return true;
    if ("@/_'’-&=\\".indexOf(after) >= 0 || Character.isLetterOrDigit(after)) return true;
    return after == '.' && to + 1 < text.length() && Character.isLetterOrDigit(text.charAt(to + 1)); // a domain
  }

  private static void swap(char[] a, int k) {
    char t = a[k];
    a[k] = a[k + 1];
    a[k + 1] = t;
  }

  private static boolean asciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
