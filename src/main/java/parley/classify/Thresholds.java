package parley.classify;

/**
 * The runtime side of a site's hold and reject lines: whether a score reaches one. Choosing the lines from dev scores
 * is training work ({@code parley.classify.train.ThresholdCalibration}).
 */
public final class Thresholds {
  private Thresholds() {}

  /**
   * Whether {@code score} reaches {@code line}. A line at 1 is off: the category is scored and shown, never acted on
   * (obscene by default), even where a probability rounds to exactly 1.
   */
  public static boolean reaches(double score, double line) {
    return line < 1.0 && score >= line;
  }
}
