package parley.moderation.phase;

import java.util.List;
import java.util.stream.Collectors;
import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Submission;
import parley.moderation.words.WordMatcher;

/** Banned words reject, suspect words hold; the reason names each term and how it was written. */
public final class WordListPhase implements Phase {
  private final WordMatcher matcher;
  private final boolean banned;

  private WordListPhase(List<String> words, boolean banned) {
    this.matcher = new WordMatcher(words);
    this.banned = banned;
  }

  public static WordListPhase banned(List<String> words) {
    return new WordListPhase(words, true);
  }

  public static WordListPhase suspect(List<String> words) {
    return new WordListPhase(words, false);
  }

  @Override
  public Outcome evaluate(Submission s) {
    if (matcher.isEmpty()) return Outcome.PASS;
    List<WordMatcher.Match> found = matcher.find(s.body());
    if (found.isEmpty()) return Outcome.PASS;
    String detail = (banned ? "banned" : "suspect") + " word " + found.stream()
        .map(m -> "'" + m.term() + "'" + (m.found().equalsIgnoreCase(m.term()) ? "" : " (written '" + m.found() + "')"))
        .collect(Collectors.joining(", "));
    return banned ? Outcome.reject(Rule.WORDS_BANNED, detail) : Outcome.hold(Rule.WORDS_SUSPECT, detail);
  }
}
