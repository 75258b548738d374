package parley.moderation.phase;

import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Policy.Mode;
import parley.moderation.Submission;
import parley.moderation.TrustPolicy;

/**
 * The site's moderation mode: pre-moderate everything, or authors with fewer than N approved comments. A trusted author
 * skips it when the site's {@link TrustPolicy} says so; the skip is noted so the moderator sees why nothing waited.
 */
public final class ModePhase implements Phase {
  private final Mode mode;
  private final int trustedAfter;
  private final TrustPolicy trust;

  public ModePhase(Mode mode, int trustedAfter) {
    this(mode, trustedAfter, TrustPolicy.defaults());
  }

  public ModePhase(Mode mode, int trustedAfter, TrustPolicy trust) {
    this.mode = mode;
    this.trustedAfter = trustedAfter;
    this.trust = trust;
  }

  @Override
  public Outcome evaluate(Submission s) {
    if (mode != Mode.POST_MODERATE && s.trust() != null && trust.skipsPremoderation(s.trust())) {
      return Outcome.note(Rule.TRUST_TRUSTED, "author's trust " + s.trust() + " skips pre-moderation");
    }
    return switch (mode) {
      case POST_MODERATE -> Outcome.PASS;
      case PRE_MODERATE_ALL -> Outcome.hold(Rule.MODE_PREMODERATE, "the site pre-moderates every comment");
      case PRE_MODERATE_NEW -> s.approvedByAuthor() >= trustedAfter ? Outcome.PASS : Outcome.hold(Rule.MODE_TRUST,
          "author has " + s.approvedByAuthor() + " of " + trustedAfter + " approved comments needed to skip review");
    };
  }
}
