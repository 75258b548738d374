package parley.moderation.words;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole-word matching of a word list against normalized tokens, so "specialist" never matches "cialis" and
 * "Scunthorpe" never matches its inner word. A word may stretch letters ("fuuuck" matches "fuck", but "as" does not
 * match "ass") and mask one letter per run with '*' ("b**ch"). Immutable and thread-safe.
 */
public final class WordMatcher {
  /** A list term found in the text, with the original characters it covered. */
  public record Match(String term, String found, int start, int end) {}

  private record Term(String original, List<String> words) {}

  private final List<Term> terms;

  public WordMatcher(List<String> list) {
    List<Term> parsed = new ArrayList<>();
    for (String term : list) {
      List<String> words = Normalizer.termWords(term);
      if (!words.isEmpty()) parsed.add(new Term(term.strip(), words));
    }
    this.terms = List.copyOf(parsed);
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Every term found in {@code text}, at most once per term, in list order. */
  public List<Match> find(String text) {
    if (terms.isEmpty()) return List.of();
    List<List<Token>> readings = Normalizer.readings(text);
    List<Match> found = new ArrayList<>();
    for (Term term : terms) {
      for (List<Token> tokens : readings) {
        Match m = first(term, tokens, text);
        if (m != null) {
          found.add(m);
          break;
        }
      }
    }
    return found;
  }

  private static Match first(Term term, List<Token> tokens, String text) {
    int n = term.words().size();
    for (int i = 0; i + n <= tokens.size(); i++) {
      boolean all = true;
      for (int k = 0; k < n && all; k++) {
        Token t = tokens.get(i + k);
        all = sameWord(t.text(), term.words().get(k));
      }
      if (all) {
        Token first = tokens.get(i);
        Token last = tokens.get(i + n - 1);
        return new Match(term.original(), text.substring(first.start(), last.end()), first.start(), last.end());
      }
    }
    return null;
  }

  /** Compares run-length forms: same letters in order, each run at least as long as the term's, '*' masks one run. */
  static boolean sameWord(String word, String term) {
    List<int[]> w = runs(word);
    List<int[]> t = runs(term);
    if (w.size() != t.size()) return false;
    int masked = 0;
    for (int i = 0; i < w.size(); i++) {
      int wc = w.get(i)[0];
      if (wc == '*') {
        masked++;
        continue;
      }
      if (wc != t.get(i)[0] || w.get(i)[1] < t.get(i)[1]) return false;
    }
    return masked * 2 < t.size();
  }

  private static List<int[]> runs(String s) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!runs.isEmpty() && runs.getLast()[0] == c) runs.getLast()[1]++;
      else runs.add(new int[] {c, 1});
    }
    return runs;
  }
}
