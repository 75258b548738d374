package parley.moderation.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** How long a suspension lasts, as a moderator says it: the two usual lengths, or a custom end time. */
public final class Suspension {
  /** The longest custom suspension; past that a permanent ban (with its appeal) is the honest tool. */
  static final Duration LONGEST = Duration.ofDays(366);

  private Suspension() {}

  /**
   * The end of a suspension said as {@code 24h}, {@code 7d} or an ISO-8601 instant such as
   * {@code 2026-12-24T18:00:00Z}; null (no suspension: a permanent ban) when {@code until} is null.
   */
  public static Instant until(String until, Instant now) {
    if (until == null) return null;
    Instant end = switch (until.strip()) {
      case "24h" -> now.plus(Duration.ofHours(24));
      case "7d" -> now.plus(Duration.ofDays(7));
      default -> parse(until.strip());
    };
    if (!end.isAfter(now)) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'until' must be in the future.");
    if (end.isAfter(now.plus(LONGEST))) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'until' is at most a year away; ban for longer.");
    }
    return end;
  }

  private static Instant parse(String until) {
    try {
      return Instant.parse(until);
    } catch (DateTimeParseException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'until' is 24h, 7d or a time like 2026-12-24T18:00:00Z.");
    }
  }
}
