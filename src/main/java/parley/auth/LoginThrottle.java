package parley.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failures for one email (or {@value #FREE_IP_FAILURES} from
 * one IP, which offices share) within {@value #WINDOW_MINUTES} minutes, further attempts are refused until the
 * window passes. In memory, per process.
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_IP_FAILURES = 20;
  static final int WINDOW_MINUTES = 15;
  private static final long WINDOW_MILLIS = WINDOW_MINUTES * 60_000L;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, long firstAt) {}

  /** Seconds until {@code keys} may try again; 0 when they may now. */
  public long waitSeconds(String... keys) {
    long now = System.currentTimeMillis();
    long wait = 0;
    for (String key : keys) {
      Failures f = failures.get(key);
      if (f == null) continue;
      if (now - f.firstAt() > WINDOW_MILLIS) {
        failures.remove(key, f);
      } else if (f.count() >= (key.startsWith("ip:") ? FREE_IP_FAILURES : FREE_FAILURES)) {
        wait = Math.max(wait, (f.firstAt() + WINDOW_MILLIS - now + 999) / 1000);
      }
    }
    return wait;
  }

  public void failed(String... keys) {
    long now = System.currentTimeMillis();
    if (failures.size() > 100_000) failures.clear();
    for (String key : keys) {
      failures.merge(key, new Failures(1, now), (old, one) ->
          now - old.firstAt() > WINDOW_MILLIS ? one : new Failures(old.count() + 1, old.firstAt()));
    }
  }

  public void succeeded(String email) {
    failures.remove(email);
  }
}
