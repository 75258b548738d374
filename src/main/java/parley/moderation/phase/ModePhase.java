package parley.moderation.phase;

import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Policy.Mode;
import parley.moderation.Submission;

/** The site's moderation mode: pre-moderate everything, or authors with fewer than N approved comments. */
public final class ModePhase implements Phase {
  private final Mode mode;
  private final int trustedAfter;

  public ModePhase(Mode mode, int trustedAfter) {
    this.mode = mode;
    this.trustedAfter = trustedAfter;
  }

  @Override
  public Outcome evaluate(Submission s) {
    return switch (mode) {
      case POST_MODERATE -> Outcome.PASS;
      case PRE_MODERATE_ALL -> Outcome.hold(Rule.MODE_PREMODERATE, "the site pre-moderates every comment");
      case PRE_MODERATE_NEW -> s.approvedByAuthor() >= trustedAfter ? Outcome.PASS : Outcome.hold(Rule.MODE_TRUST,
          "author has " + s.approvedByAuthor() + " of " + trustedAfter + " approved comments needed to skip review");
    };
  }
}
