package parley.moderation.phase;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Submission;
import parley.moderation.words.Normalizer;
import parley.moderation.words.Token;

/**
 * Holds exact or near copies (word-trigram overlap ≥ 80 %) of the author's recent comments. Comments of fewer than
 * four words are left alone: "Thanks!" twice is not spam.
 */
public final class DuplicatePhase implements Phase {
  static final double NEAR = 0.8;
  static final int MIN_WORDS = 4;

  @Override
  public Outcome evaluate(Submission s) {
    if (s.edit()) return Outcome.PASS;
    List<String> words = words(s.body());
    if (words.size() < MIN_WORDS) return Outcome.PASS;
    Set<String> shingles = shingles(words);
    for (String earlier : s.recentBodies()) {
      List<String> other = words(earlier);
      if (other.equals(words)) return Outcome.hold(Rule.DUPLICATE, "same text as one of the author's recent comments");
      double overlap = jaccard(shingles, shingles(other));
      if (overlap >= NEAR) {
        return Outcome.hold(Rule.DUPLICATE, String.format(java.util.Locale.ROOT,
            "%.0f%% like one of the author's recent comments", overlap * 100));
      }
    }
    return Outcome.PASS;
  }

  private static List<String> words(String text) {
    return Normalizer.rawTokens(text).stream().map(Token::text).toList();
  }

  private static Set<String> shingles(List<String> words) {
    Set<String> out = new HashSet<>();
    if (words.size() < 3) {
      out.add(String.join(" ", words));
      return out;
    }
    for (int i = 0; i + 3 <= words.size(); i++) out.add(String.join(" ", words.subList(i, i + 3)));
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return (double) both.size() / (a.size() + b.size() - both.size());
  }
}
