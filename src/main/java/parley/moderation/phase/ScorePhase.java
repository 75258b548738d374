package parley.moderation.phase;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Thresholds;
import parley.moderation.Links;
import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Policy.Threshold;
import parley.moderation.Submission;

/**
 * The classifier's scores against the site's thresholds. A failed or timed-out classifier, or a language the model
 * does not support, holds the comment: a moderator must know it was never reliably scored (Coral publishes silently).
 */
public final class ScorePhase implements Phase {
  private final Map<Category, Threshold> thresholds;

  public ScorePhase(Map<Category, Threshold> thresholds) {
    this.thresholds = new EnumMap<>(Category.class);
    this.thresholds.putAll(thresholds);
  }

  @Override
  public Outcome evaluate(Submission s) {
    if (s.classifierError() != null) return Outcome.hold(Rule.CLASSIFIER_FAILED, "not scored: " + s.classifierError());
    Classification c = s.classification();
    if (c == null) return Outcome.note(Rule.CLASSIFIER_OFF, "no classifier configured; not scored");
    if (thresholds.values().stream().allMatch(t -> t.hold() >= 1.0)) return Outcome.PASS; // site ignores scores
    // scores for a language the model was not trained on are not trustworthy: a person decides, never the model
    if (!c.languageSupported()) {
      return Outcome.hold(Rule.CLASSIFIER_LANGUAGE, "language '" + c.language() + "' is not supported by the model");
    }
    Outcome reject = worst(c, true, Links.spamMayReject(s.body()));
    if (reject != null) return reject;
    Outcome hold = worst(c, false, true);
    return hold != null ? hold : Outcome.PASS;
  }

  /** The category furthest over its reject (or hold) line, if any; spam counts for rejection only with a link. */
  private Outcome worst(Classification c, boolean reject, boolean spamCounts) {
    Category worst = null;
    double margin = -1;
    for (Category cat : Category.values()) {
      Threshold t = thresholds.get(cat);
      if (t == null || (cat == Category.SPAM && !spamCounts)) continue;
      double line = reject ? t.reject() : t.hold();
      if (!Thresholds.reaches(c.score(cat), line)) continue;
      double over = c.score(cat) - line;
      if (over > margin) {
        worst = cat;
        margin = over;
      }
    }
    if (worst == null) return null;
    Threshold t = thresholds.get(worst);
    String detail = String.format(Locale.ROOT, "%s %.2f ≥ %s %.2f", worst.key(), c.score(worst),
        reject ? "reject" : "hold", reject ? t.reject() : t.hold());
    return Outcome.score(reject, worst, detail);
  }
}
