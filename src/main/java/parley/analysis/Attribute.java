package parley.analysis;

import java.util.Locale;
import java.util.Optional;
import parley.classify.Category;
import parley.classify.Classification;

/**
 * The Perspective attributes Parley answers, each read from Parley's own categories. Perspective's
 * {@code *_EXPERIMENTAL} names are accepted as aliases; the response echoes the name the client asked for.
 */
public enum Attribute {
  TOXICITY(Category.TOXIC),
  /** Derived, see {@link #severeToxicity}. */
  SEVERE_TOXICITY(Category.TOXIC),
  IDENTITY_ATTACK(Category.HATE),
  INSULT(Category.INSULT),
  PROFANITY(Category.OBSCENE),
  THREAT(Category.THREAT),
  SPAM(Category.SPAM);

  private static final String EXPERIMENTAL = "_EXPERIMENTAL";

  /** The category whose spans explain this attribute (and, except for SEVERE_TOXICITY, its score). */
  private final Category category;

  Attribute(Category category) {
    this.category = category;
  }

  public Category category() {
    return category;
  }

  /** The attribute for a requested name such as {@code "toxicity"} or {@code "INSULT_EXPERIMENTAL"}. */
  public static Optional<Attribute> byName(String requested) {
    String name = requested.trim().toUpperCase(Locale.ROOT);
    if (name.endsWith(EXPERIMENTAL) && !name.equals("SPAM" + EXPERIMENTAL)) {
      name = name.substring(0, name.length() - EXPERIMENTAL.length());
    }
    for (Attribute a : values()) {
      if (a.name().equals(name)) return Optional.of(a);
    }
    return Optional.empty();
  }

  /** The attribute's summary probability for a classified comment. */
  public double score(Classification c) {
    return switch (this) {
      case SEVERE_TOXICITY -> severeToxicity(c);
      case TOXICITY, IDENTITY_ATTACK, INSULT, PROFANITY, THREAT, SPAM -> c.score(category);
    };
  }

  /**
   * Perspective's SEVERE_TOXICITY is "very hateful, aggressive, disrespectful": rude alone is not enough. Parley has
   * no such label, so it asks for toxicity together with a grave kind of it: a threat, an identity attack, or an
   * insult that is also obscene (the geometric mean keeps "you idiot" and clean swearing low).
   * severe = toxic × max(threat, hate, √(insult × obscene)).
   */
  static double severeToxicity(Classification c) {
    double graveness = Math.max(Math.max(c.score(Category.THREAT), c.score(Category.HATE)),
        Math.sqrt(c.score(Category.INSULT) * c.score(Category.OBSCENE)));
    return c.score(Category.TOXIC) * graveness;
  }
}
