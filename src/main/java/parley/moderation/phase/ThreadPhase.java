package parley.moderation.phase;

import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Submission;

/** The article's own mode: a moderator chose to review every comment on this story, whatever the site does. */
public final class ThreadPhase implements Phase {
  @Override
  public Outcome evaluate(Submission s) {
    return s.threadPremoderated()
        ? Outcome.hold(Rule.THREAD_PREMODERATE, "this article pre-moderates every comment") : Outcome.PASS;
  }
}
