package parley.moderation.words;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parley.classify.JoinedWords;
import parley.classify.Typos;

/**
 * Turns text into the words a word list is matched against, undoing the usual disguises: case, accents, look-alike
 * Cyrillic/Greek letters, zero-width characters, leetspeak ({@code r3tard}) and letters spaced or dotted apart
 * ({@code n u k e}, {@code n.u.k.e}). Offsets point into the original text so matches can be highlighted.
 * Stateless and thread-safe.
 */
public final class Normalizer {
  private static final Map<Character, Character> LEET = Map.ofEntries(
      Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('5', 's'),
      Map.entry('7', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'), Map.entry('@', 'a'), Map.entry('$', 's'),
      Map.entry('!', 'i'), Map.entry('|', 'l'), Map.entry('€', 'e'), Map.entry('+', 't'));
  private static final Map<Character, Character> CONFUSABLE = Map.ofEntries(
      Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
      Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ѕ', 's'), Map.entry('к', 'k'),
      Map.entry('м', 'm'), Map.entry('т', 't'), Map.entry('в', 'b'), Map.entry('н', 'h'), Map.entry('ο', 'o'),
      Map.entry('α', 'a'), Map.entry('ι', 'i'), Map.entry('ν', 'v'));

  private Normalizer() {}

  /**
   * The words of {@code text} in up to four readings: as written, with runs of single letters joined ("n u k e" →
   * "nuke"), with words run together split ("youretard" → "you retard", {@link JoinedWords}: only a run that is not a
   * known word, and only into common words, so "Scunthorpe" and "therapist" stay whole), and with one swapped or
   * missing letter mended in unknown words ("retrad" → "retard", {@link Typos}: only into a word common in comments,
   * or failing that a rarer English word).
   * A term matches if it is found in any reading.
   */
  public static List<List<Token>> readings(String text) {
    List<List<Token>> out = new ArrayList<>(lettersJoined(text));
    List<Token> split = wordsSplit(out.getFirst());
    if (split != null) out.add(split);
    List<Token> mended = typosMended(text, out.getFirst());
    if (mended != null) out.add(mended);
    return out;
  }

  /** The tokens with one typo mended in each unknown word where that gives a known word ({@link Typos}), or null. */
  private static List<Token> typosMended(String text, List<Token> words) {
    List<Token> out = null;
    Typos.Budget budget = new Typos.Budget();
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      // only where each letter of the token is one character of the text: the word as written, in its own case
      boolean plain = t.end() - t.start() == t.text().length() && t.text().chars().allMatch(c -> c >= 'a' && c <= 'z');
      String mended = plain ? Typos.shipped().mendWord(text.substring(t.start(), t.end()), budget) : null;
      if (mended == null) {
        if (out != null) out.add(t);
        continue;
      }
      if (out == null) out = new ArrayList<>(words.subList(0, i));
      out.add(new Token(mended.toLowerCase(Locale.ROOT), t.start(), t.end()));
    }
    return out;
  }

  /** The tokens with each run of words split into its words, or null where none is. */
  private static List<Token> wordsSplit(List<Token> words) {
    List<Token> out = null;
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      String w = t.text();
      // only where each letter of the token is one character of the text, so that offsets stay exact
      boolean plain = w.length() >= JoinedWords.MIN_RUN && t.end() - t.start() == w.length()
          && w.chars().allMatch(c -> c >= 'a' && c <= 'z');
      JoinedWords.Split s = plain ? JoinedWords.shipped().split(w) : null;
      if (s == null || !s.changed()) {
        if (out != null) out.add(t);
        continue;
      }
      if (out == null) out = new ArrayList<>(words.subList(0, i));
      int from = 0;
      for (int k = 0; k <= s.spaces().length; k++) {
        int to = k < s.spaces().length ? s.spaces()[k] : w.length();
        out.add(new Token(w.substring(from, to), t.start() + from, t.start() + to));
        from = to;
      }
    }
    return out;
  }

  private static List<List<Token>> lettersJoined(String text) {
    List<Token> words = rawTokens(text);
    List<Token> joined = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int j = i;
      while (words.get(j).text().length() == 1 && j + 1 < words.size() && words.get(j + 1).text().length() == 1
          && words.get(j + 1).start() - words.get(j).end() <= 3) {
        j++;
      }
      joined.add(j > i ? join(words.subList(i, j + 1)) : words.get(i));
      i = j + 1;
    }
    return joined.size() == words.size() ? List.of(words) : List.of(words, joined);
  }

  private static Token join(List<Token> letters) {
    StringBuilder sb = new StringBuilder();
    letters.forEach(t -> sb.append(t.text()));
    return new Token(sb.toString(), letters.getFirst().start(), letters.getLast().end());
  }

  /**
   * Maximal runs of letters (and leet digits/symbols inside a word), normalized, in text order: the first of
   * {@link #readings}, for a caller that needs the words as written only.
   */
  public static List<Token> rawTokens(String text) {
    List<Token> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int start = -1;
    int lastLetterEnd = -1;
    int lastLetterLen = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.FORMAT) continue; // zero-width joiners and friends
      String letters = letters(c);
      boolean leet = letters.isEmpty() && LEET.containsKey(c) && (word.length() > 0 || nextIsLetter(text, i));
      if (!letters.isEmpty() || leet || (c == '*' && word.length() > 0)) {
        if (start < 0) start = i;
        word.append(leet ? String.valueOf(LEET.get(c)) : c == '*' ? "*" : letters);
        if (!leet && c != '*') {
          lastLetterEnd = i + 1;
          lastLetterLen = word.length();
        }
      } else if (start >= 0) {
        flush(out, word, start, lastLetterEnd, lastLetterLen, i);
        start = -1;
      }
    }
    if (start >= 0) flush(out, word, start, lastLetterEnd, lastLetterLen, text.length());
    return out;
  }

  // trailing '!' or '1' after a word is punctuation ("idiot!"), but "a$$" keeps its symbols
  private static void flush(List<Token> out, StringBuilder word, int start, int lastLetterEnd, int lastLetterLen,
      int end) {
    String w = word.toString();
    int trimmedEnd = end;
    while (w.length() > lastLetterLen && (w.endsWith("i") || w.endsWith("*"))) {
      w = w.substring(0, w.length() - 1);
      trimmedEnd--;
    }
    if (!w.isEmpty() && !w.chars().allMatch(ch -> ch == '*')) out.add(new Token(w, start, Math.max(trimmedEnd, lastLetterEnd)));
    word.setLength(0);
  }

  private static boolean nextIsLetter(String text, int i) {
    return i + 1 < text.length() && !letters(text.charAt(i + 1)).isEmpty();
  }

  /** The plain lower-case letters {@code c} stands for; empty when it is not a letter. */
  static String letters(char c) {
    Character look = CONFUSABLE.get(Character.toLowerCase(c));
    if (look != null) return String.valueOf(look);
    if (!Character.isLetter(c)) return "";
    String base = java.text.Normalizer.normalize(String.valueOf(c), Form.NFKD);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < base.length(); k++) {
      char b = base.charAt(k);
      if (Character.getType(b) != Character.NON_SPACING_MARK) sb.append(b);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** A list term in the same form: lower case, accents off, words split on anything not a letter. */
  public static List<String> termWords(String term) {
    return rawTokens(term).stream().map(Token::text).toList();
  }
}
