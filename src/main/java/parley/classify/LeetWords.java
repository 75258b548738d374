package parley.classify;

/**
 * Undoes leetspeak inside words ("mu5l1ms", "v3rm1n", "$hit") where that gives a known word ({@link JoinedWords}'s
 * list). Each character is replaced by one character, so the text keeps its length and every offset into it still
 * points into the text as written.
 *
 * <p>The fast stage undoes leetspeak in its own normalization ({@link TextNormalizer}); the network reads word pieces
 * of the text, and "mu5l1ms" is "mu", "##5", "##l", … to it. Only words that become known words change: "10am",
 * "PS4", "covid19", "b4", "C130s", "Please!Nigga" (no known word), handles, hashtags, links and e-mail addresses
 * stay as written.
 */
public final class LeetWords {
  private static final int MAX_TOKEN = 40;
  /** How often a word must have been seen in comments for a number-like token to be read as it ("hat3"). */
  private static final int OFTEN = 100;

  private final JoinedWords words;

  public LeetWords(JoinedWords words) {
    this.words = words;
  }

  /** The shipped word list's respeller. */
  public static LeetWords shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final LeetWords INSTANCE = new LeetWords(JoinedWords.shipped());
  }

  /** The text with leetspeak undone in the words where that makes a known word; the same string if none. */
  public String respell(String text) {
    char[] out = null;
    int n = text.length();
    for (int i = 0; i < n; ) {
      if (!tokenChar(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && tokenChar(text.charAt(end))) end++;
      int from = i, to = end;
      while (to > from && "!|".indexOf(text.charAt(to - 1)) >= 0) to--; // "idiot!!" ends a sentence
      while (from < to && "!|".indexOf(text.charAt(from)) >= 0) from++;
      // inside a word of other letters, or a handle or hashtag ("@red_daddy17", "#stand4life")
      boolean skip = i > 0
          && (Character.isLetterOrDigit(text.charAt(i - 1)) || "@#_/\\:.=&?".indexOf(text.charAt(i - 1)) >= 0);
      char[] word = skip ? null : respelled(text, from, to);
      if (word != null) {
        if (out == null) out = text.toCharArray();
        System.arraycopy(word, 0, out, from, word.length);
      }
      i = end;
    }
    return out == null ? text : new String(out);
  }

  /** The token text[from, to) respelled (the same length, the letters as written), or null to leave it. */
  private char[] respelled(String text, int from, int to) {
    int len = to - from, letters = 0, leet = 0, firstLetter = -1;
    if (len < 3 || len > MAX_TOKEN || text.charAt(from) == '@') return null; // "@name" is a mention
    if (to < text.length() && ("@_/:".indexOf(text.charAt(to)) >= 0 || text.charAt(to) == '.' && to + 1 < text.length()
        && Character.isLetterOrDigit(text.charAt(to + 1)))) return null; // an address, a handle, a link or a domain
    boolean ambiguous = false; // "1" and "|" are "i" or "l"
    int digitRun = 0, lastLetter = -1;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      digitRun = c >= '0' && c <= '9' ? digitRun + 1 : 0;
      if (digitRun == 3) return null; // a number ("C130s", "A320")
      if (asciiLetter(c)) {
        letters++;
        if (firstLetter < 0) firstLetter = k - from;
        lastLetter = k - from;
      } else if (leet(c, 'i') != 0) {
        leet++;
        ambiguous |= c == '1' || c == '|';
      } else {
        return null; // a digit that stands for no letter ("covid19", "4x4")
      }
    }
    if (letters < 2 || leet == 0) return null;
    // like a number and its unit ("10am", "3pm", "5th") or a name and its number ("PS4", "WW3", "MI5", "TAB13"):
    // respelled only into a word readers write very often ("hat3" is "hate", seen 3,041 times; "psa" 4, "wwe" 29)
    boolean numbered = letters <= 3 && (leet == firstLetter && digitsOnly(text, from, from + firstLetter)
        || leet == len - 1 - lastLetter && digitsOnly(text, from + lastLetter + 1, to));
    for (char one : ambiguous ? new char[] {'i', 'l'} : new char[] {'i'}) {
      char[] lower = new char[len];
      for (int k = 0; k < len; k++) {
        char c = text.charAt(from + k);
        lower[k] = asciiLetter(c) ? (char) (c | 0x20) : leet(c, one);
      }
      String w = new String(lower);
      if (numbered ? words.seen(w) >= OFTEN : words.known(w)) {
        boolean caps = text.substring(from, to).chars().filter(LeetWords::asciiLetter).allMatch(Character::isUpperCase);
        char[] out = new char[len];
        for (int k = 0; k < len; k++) {
          char c = text.charAt(from + k);
          out[k] = asciiLetter(c) ? c : caps ? Character.toUpperCase(lower[k]) : lower[k];
        }
        return out;
      }
    }
    return null;
  }

  /** The letter a leet character stands for, 0 for none; {@code one} is what "1" and "|" are read as. */
  private static char leet(char c, char one) {
    return switch (c) {
      case '0' -> 'o';
      case '1', '|', '!' -> c == '!' ? 'i' : one;
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> 0;
    };
  }

  /** Whether text[from, to) is one or more digits. */
  private static boolean digitsOnly(String text, int from, int to) {
    if (from >= to) return false;
    for (int k = from; k < to; k++) if (text.charAt(k) < '0' || text.charAt(k) > '9') return false;
    return true;
  }

  private static boolean tokenChar(char c) {
    return asciiLetter(c) || c >= '0' && c <= '9' || "@$!|".indexOf(c) >= 0;
  }

  private static boolean asciiLetter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
