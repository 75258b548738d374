package parley.moderation.phase;

import parley.moderation.Links;
import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Rule;
import parley.moderation.Submission;

/** Holds comments with more links than the site allows: link spam is the commonest bot payload. */
public final class LinkPhase implements Phase {
  private final int maxLinks;

  public LinkPhase(int maxLinks) {
    this.maxLinks = maxLinks;
  }

  @Override
  public Outcome evaluate(Submission s) {
    int links = Links.count(s.body());
    if (links > maxLinks) return Outcome.hold(Rule.LINKS, links + " links; the site allows " + maxLinks);
    return Outcome.PASS;
  }

}
