package parley.moderation.phase;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.moderation.Outcome;
import parley.moderation.Phase;
import parley.moderation.Submission;

/** Holds comments with more links than the site allows: link spam is the commonest bot payload. */
public final class LinkPhase implements Phase {
  private static final Pattern LINK = Pattern.compile(
      "(?i)\\b(?:https?://|www\\.)[^\\s<>()\\[\\]]+|\\b[a-z0-9-]+\\.(?:com|net|org|info|biz|ru|xyz|top|io|co)\\b(?:/\\S*)?");
  private final int maxLinks;

  public LinkPhase(int maxLinks) {
    this.maxLinks = maxLinks;
  }

  @Override
  public Outcome evaluate(Submission s) {
    int links = count(s.body());
    if (links > maxLinks) return Outcome.hold("links", links + " links; the site allows " + maxLinks);
    return Outcome.PASS;
  }

  static int count(String body) {
    Matcher m = LINK.matcher(body);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
