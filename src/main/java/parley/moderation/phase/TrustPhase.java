package parley.moderation.phase;

import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Submission;
import parley.moderation.TrustPolicy;

/**
 * Holds every comment of a low-trust author when the site asks for it. Runs after the content rules, so a rejection
 * still wins; an author whose score is unknown (an import, a preview) is not held for it.
 */
public final class TrustPhase implements Phase {
  private final TrustPolicy policy;

  public TrustPhase(TrustPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Outcome evaluate(Submission s) {
    if (s.trust() == null || !policy.holdsEverything(s.trust())) return Outcome.PASS;
    return Outcome.hold(Rule.TRUST_LOW, "author's trust " + s.trust() + " is at or below " + policy.lowAt());
  }
}
