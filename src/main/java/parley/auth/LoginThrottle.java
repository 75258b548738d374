package parley.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing, per account and per address separately. After {@value #FREE_FAILURES} failures for one
 * account (from anywhere) within {@value #WINDOW_MINUTES} minutes, that account is refused until the window passes.
 * After {@value #FREE_IP_FAILURES} failures from one address (across accounts: password spraying), that address is
 * refused, except for accounts that signed in successfully from it before: one guesser in a newsroom does not lock
 * out the editors who work there. In memory, per process, bounded.
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_IP_FAILURES = 20;
  static final int WINDOW_MINUTES = 15;
  private static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);
  private final Cache<String, Failures> failures =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(WINDOW).executor(Runnable::run).build();
  private final Cache<String, Boolean> knownPairs =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofDays(30)).executor(Runnable::run).build();

  private final Clock clock;

  private record Failures(int count, long firstAt) {}

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds until this account may try again from this address; 0 when it may now. */
  public long waitSeconds(String account, String ip) {
    long wait = waitFor("account:" + account, FREE_FAILURES);
    if (knownPairs.getIfPresent(pair(account, ip)) == null) wait = Math.max(wait, waitFor("ip:" + ip, FREE_IP_FAILURES));
    return wait;
  }

  public void failed(String account, String ip) {
    long now = clock.millis();
    for (String key : new String[] {"account:" + account, "ip:" + ip}) {
      failures.asMap().merge(key, new Failures(1, now), (old, one) ->
          now - old.firstAt() > WINDOW.toMillis() ? one : new Failures(old.count() + 1, old.firstAt()));
    }
  }

  public void succeeded(String account, String ip) {
    failures.invalidate("account:" + account);
    knownPairs.put(pair(account, ip), Boolean.TRUE);
  }

  private long waitFor(String key, int free) {
    long now = clock.millis();
    Failures f = failures.getIfPresent(key);
    if (f == null || now - f.firstAt() > WINDOW.toMillis() || f.count() < free) return 0;
    return (f.firstAt() + WINDOW.toMillis() - now + 999) / 1000;
  }

  private static String pair(String account, String ip) {
    return account + "\u0000" + ip;
  }
}
