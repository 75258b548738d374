package parley.live;

import java.time.Duration;
import java.util.Properties;

/**
 * Live updates (Server-Sent Events) and queue claims.
 *
 * @param maxStreams open event streams one instance serves at most ({@code live.max.streams})
 * @param maxStreamsPerAddress open streams per reader address ({@code live.max.streams.per.address})
 * @param heartbeat how often an idle stream gets a comment line, so proxies and browsers keep it open
 * @param claimTimeout how long a moderator's claim on a queue item lasts unless renewed
 * @param safetyPoll how often the database is read for new events without being woken (a writer in another process,
 *     a NOTIFY lost while the LISTEN connection reconnected); writes on this instance and NOTIFYs wake it at once
 */
public record LiveConfig(int maxStreams, int maxStreamsPerAddress, Duration heartbeat, Duration claimTimeout,
    Duration safetyPoll) {
  public static LiveConfig defaults() {
    return new LiveConfig(10_000, 16, Duration.ofSeconds(25), Duration.ofMinutes(2), Duration.ofSeconds(2));
  }

  public LiveConfig with(Properties p) {
    return new LiveConfig(
        Integer.parseInt(p.getProperty("live.max.streams", String.valueOf(maxStreams))),
        Integer.parseInt(p.getProperty("live.max.streams.per.address", String.valueOf(maxStreamsPerAddress))),
        Duration.ofSeconds(Long.parseLong(p.getProperty("live.heartbeat.seconds", String.valueOf(heartbeat.toSeconds())))),
        Duration.ofSeconds(Long.parseLong(p.getProperty("claim.timeout.seconds", String.valueOf(claimTimeout.toSeconds())))),
        safetyPoll);
  }

  public LiveConfig withStreams(int max, int perAddress) {
    return new LiveConfig(max, perAddress, heartbeat, claimTimeout, safetyPoll);
  }

  public LiveConfig withHeartbeat(Duration every) {
    return new LiveConfig(maxStreams, maxStreamsPerAddress, every, claimTimeout, safetyPoll);
  }

  public LiveConfig withSafetyPoll(Duration every) {
    return new LiveConfig(maxStreams, maxStreamsPerAddress, heartbeat, claimTimeout, every);
  }
}
