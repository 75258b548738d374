package parley.moderation;

import java.util.Arrays;
import java.util.Optional;
import parley.classify.Category;

/**
 * The rules a phase names in a {@link Reason}, with the spelling stored in a comment's moderation JSON and shown to
 * moderators. {@link #SCORE} is stored per category ("score.threat"). Reasons read back from storage keep their
 * text, since an archive from another version may name a rule this one does not have.
 */
public enum Rule {
  WORDS_BANNED("words.banned"),
  WORDS_SUSPECT("words.suspect"),
  LINKS("links"),
  DUPLICATE("duplicate"),
  MODE_PREMODERATE("mode.premoderate"),
  MODE_TRUST("mode.trust"),
  THREAD_PREMODERATE("thread.premoderate"),
  CLASSIFIER_OFF("classifier.off"),
  CLASSIFIER_FAILED("classifier.failed"),
  CLASSIFIER_LANGUAGE("classifier.language"),
  HONEYPOT("honeypot"), // stored by comment.Honeypot, which decides before the pipeline runs
  SCORE("score"),
  TRUST_LOW("trust.low"),
  TRUST_TRUSTED("trust.trusted");

  private final String key;

  Rule(String key) {
    this.key = key;
  }

  /** The stored spelling; for {@link #SCORE} use {@link #scoreKey(Category)}. */
  public String key() {
    return key;
  }

  public static String scoreKey(Category category) {
    return SCORE.key + "." + category.key();
  }

  /** The rule a stored spelling names; "score.toxic" is {@link #SCORE}. */
  public static Optional<Rule> fromKey(String stored) {
    String key = stored != null && stored.startsWith(SCORE.key + ".") ? SCORE.key : stored;
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }
}
