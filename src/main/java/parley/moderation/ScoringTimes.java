package parley.moderation;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long scoring took lately, the work alone (a queue is seen for itself), by comment length (the accurate stage reads a long comment in more
 * windows): a moving average per length band, so that a post does not wait for a score that is typically late.
 * Thread-safe; concurrent updates may lose one sample, which an average can afford.
 */
final class ScoringTimes {
  /** Upper bounds of the length bands, in characters; longer comments fall in the last band. */
  private static final int[] BANDS = {160, 320, 640};
  private final AtomicLongArray nanos = new AtomicLongArray(BANDS.length + 1);

  private static int band(String body) {
    int length = body == null ? 0 : body.length();
    for (int i = 0; i < BANDS.length; i++) if (length <= BANDS[i]) return i;
    return BANDS.length;
  }

  void record(String body, long took) {
    int b = band(body);
    long before = nanos.get(b);
    nanos.set(b, before == 0 ? took : (before * 4 + took) / 5);
  }

  /** The typical time for a comment like this one; 0 before any was scored. */
  long nanos(String body) {
    return nanos.get(band(body));
  }
}
