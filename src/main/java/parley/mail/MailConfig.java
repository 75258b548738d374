package parley.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * SMTP and outbox settings ({@code smtp.*}, {@code outbox.*}, {@code notify.digest.minutes}).
 *
 * @param host SMTP server; empty turns every email feature off
 * @param security {@code starttls} (port 587), {@code tls} (implicit, port 465) or {@code none} (a local relay)
 * @param from the From address, e.g. {@code Parley <comments@news.example>}
 * @param poll how often each instance looks for due outbox rows
 * @param lease how long a claimed row is an instance's own; longer than any one send (SMTP timeouts are a third of it)
 * @param maxAttempts tries before a row is marked failed
 * @param firstRetry the wait after the first failure; it doubles each time, up to six hours
 * @param digestEvery how often moderators get the pending-queue digest; zero turns it off
 */
public record MailConfig(String host, int port, String username, String password, Security security, String from,
    Duration poll, Duration lease, int maxAttempts, Duration firstRetry, Duration digestEvery) {

  public enum Security { STARTTLS, TLS, NONE }

  public static MailConfig defaults() {
    return new MailConfig("", 587, "", "", Security.STARTTLS, "", Duration.ofSeconds(1), Duration.ofMinutes(2), 8,
        Duration.ofSeconds(30), Duration.ofHours(1));
  }

  /** Whether emails can be sent at all. */
  public boolean enabled() {
    return !host.isBlank();
  }

  /** The longest wait between two tries of one row. */
  public static final Duration MAX_RETRY = Duration.ofHours(6);

  /** The wait before try {@code attempts + 1}: {@code firstRetry · 2^(attempts-1)}, capped. */
  public Duration backoff(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration d = firstRetry.multipliedBy(factor);
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  public MailConfig with(Properties p) {
    return new MailConfig(p.getProperty("smtp.host", host).trim(),
        Integer.parseInt(p.getProperty("smtp.port", String.valueOf(port)).trim()),
        p.getProperty("smtp.username", username), p.getProperty("smtp.password", password),
        Security.valueOf(p.getProperty("smtp.security", security.name()).trim().toUpperCase(Locale.ROOT)),
        p.getProperty("smtp.from", from).trim(),
        millis(p, "outbox.poll.ms", poll), seconds(p, "outbox.lease.seconds", lease),
        Integer.parseInt(p.getProperty("outbox.max.attempts", String.valueOf(maxAttempts)).trim()),
        seconds(p, "outbox.retry.seconds", firstRetry),
        p.containsKey("notify.digest.minutes") ? Duration.ofMinutes(Long.parseLong(p.getProperty("notify.digest.minutes").trim())) : digestEvery);
  }

  /** SMTP at {@code host:port} without TLS or login: a local relay, or a test server. */
  public MailConfig withSmtp(String host, int port, String from) {
    return new MailConfig(host, port, "", "", Security.NONE, from, poll, lease, maxAttempts, firstRetry, digestEvery);
  }

  public MailConfig withTiming(Duration poll, Duration lease, Duration firstRetry) {
    return new MailConfig(host, port, username, password, security, from, poll, lease, maxAttempts, firstRetry, digestEvery);
  }

  public MailConfig withDigestEvery(Duration every) {
    return new MailConfig(host, port, username, password, security, from, poll, lease, maxAttempts, firstRetry, every);
  }

  private static Duration millis(Properties p, String key, Duration d) {
    return p.containsKey(key) ? Duration.ofMillis(Long.parseLong(p.getProperty(key).trim())) : d;
  }

  private static Duration seconds(Properties p, String key, Duration d) {
    return p.containsKey(key) ? Duration.ofSeconds(Long.parseLong(p.getProperty(key).trim())) : d;
  }
}
