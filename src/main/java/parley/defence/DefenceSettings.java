package parley.defence;

import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * A site's spam defence. The honeypot is on by default: it costs readers nothing and catches form-filling bots. Proof
 * of work is off by default: it costs every reader's device CPU time (see README, "Spam defence") and needs
 * JavaScript, so a site turns it on when bots get through the honeypot and rate limits.
 *
 * @param honeypot reject, quietly, comments whose hidden "homepage" field is filled
 * @param proofOfWork require a solved challenge with every new comment
 * @param difficulty the challenge's largest number: readers compute on average half as many SHA-256 hashes
 */
public record DefenceSettings(boolean honeypot, boolean proofOfWork, long difficulty) {
  public static final long DEFAULT_DIFFICULTY = 250_000;
  public static final long MIN_DIFFICULTY = 1_000;
  public static final long MAX_DIFFICULTY = 50_000_000;

  public static DefenceSettings defaults() {
    return new DefenceSettings(true, false, DEFAULT_DIFFICULTY);
  }

  public DefenceSettings validated() {
    if (difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED,
          "'difficulty' is " + MIN_DIFFICULTY + " to " + MAX_DIFFICULTY + ".");
    }
    return this;
  }
}
