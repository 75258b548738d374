package parley.moderation;

import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * How a site weighs an author's record into a trust score ({@link Trust}), what the score changes in the pipeline, and
 * what a permanently banned reader is told about appealing. Part of the site's {@link Policy}; the defaults change
 * nothing in moderation, so a site opts in to trust-based decisions.
 *
 * @param publishedWeight points per published comment; @param rejectedWeight points per rejected comment (negative);
 *     @param upheldReportWeight points per report on a comment of theirs that ended rejected (negative)
 * @param trustedAt score at which an author is trusted; @param lowAt score at or below which an author is low-trust
 * @param trustedSkipPremoderation trusted authors skip the site's pre-moderation mode (content rules still apply)
 * @param lowTrustHeld every comment of a low-trust author waits for a moderator
 * @param appealNote shown to a permanently banned reader with the 403, e.g. "write to moderation@paper.example"
 */
public record TrustPolicy(int publishedWeight, int rejectedWeight, int upheldReportWeight, int trustedAt, int lowAt,
    boolean trustedSkipPremoderation, boolean lowTrustHeld, String appealNote) {

  /** Long enough for an address and a sentence; the widget shows it under the refusal. */
  static final int MAX_APPEAL_CHARS = 500;

  public static TrustPolicy defaults() {
    return new TrustPolicy(1, -3, -2, 10, -5, false, false, null);
  }

  public boolean trusted(int score) {
    return score >= trustedAt;
  }

  public boolean low(int score) {
    return score <= lowAt;
  }

  /** The arrival decision trust makes, if any: the one place the pipeline reads the score through the policy. */
  public boolean skipsPremoderation(int score) {
    return trustedSkipPremoderation && trusted(score);
  }

  public boolean holdsEverything(int score) {
    return lowTrustHeld && low(score);
  }

  TrustPolicy validated() {
    if (publishedWeight < 0 || publishedWeight > 100) throw invalid("'trust.publishedWeight' is 0 to 100.");
    if (rejectedWeight > 0 || rejectedWeight < -100) throw invalid("'trust.rejectedWeight' is -100 to 0.");
    if (upheldReportWeight > 0 || upheldReportWeight < -100) throw invalid("'trust.upheldReportWeight' is -100 to 0.");
    if (lowAt >= trustedAt) throw invalid("'trust.lowAt' must be below 'trust.trustedAt'.");
    if (appealNote != null && appealNote.length() > MAX_APPEAL_CHARS) {
      throw invalid("'trust.appealNote' is at most " + MAX_APPEAL_CHARS + " characters.");
    }
    return this;
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, message);
  }
}
