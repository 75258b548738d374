package parley.moderation.phase;

import java.util.ArrayList;
import java.util.List;
import parley.moderation.Phase;
import parley.moderation.Pipeline;
import parley.moderation.Policy;

/** The ordered list: rejections first, then reasons to hold, then the article's and the site's mode. */
public final class Phases {
  private Phases() {}

  public static Pipeline forPolicy(Policy policy) {
    List<Phase> phases = new ArrayList<>();
    phases.add(WordListPhase.banned(policy.bannedWords()));
    phases.add(new ScorePhase(policy.thresholds()));
    phases.add(WordListPhase.suspect(policy.suspectWords()));
    phases.add(new LinkPhase(policy.maxLinks()));
    if (policy.holdDuplicates()) phases.add(new DuplicatePhase());
    phases.add(new ThreadPhase());
    phases.add(new TrustPhase(policy.trust()));
    phases.add(new ModePhase(policy.mode(), policy.trustedAfter(), policy.trust()));
    return new Pipeline(phases);
  }
}
