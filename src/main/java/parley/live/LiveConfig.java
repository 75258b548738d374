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
 */
public record LiveConfig(int maxStreams, int maxStreamsPerAddress, Duration heartbeat, Duration claimTimeout) {
  public static LiveConfig defaults() {
    return new LiveConfig(10_000, 16, Duration.ofSeconds(25), Duration.ofMinutes(2));
  }

  public LiveConfig with(Properties p) {
    return new LiveConfig(
        Integer.parseInt(p.getProperty("live.max.streams", String.valueOf(maxStreams))),
        Integer.parseInt(p.getProperty("live.max.streams.per.address", String.valueOf(maxStreamsPerAddress))),
        Duration.ofSeconds(Long.parseLong(p.getProperty("live.heartbeat.seconds", String.valueOf(heartbeat.toSeconds())))),
        Duration.ofSeconds(Long.parseLong(p.getProperty("claim.timeout.seconds", String.valueOf(claimTimeout.toSeconds())))));
  }

  public LiveConfig withStreams(int max, int perAddress) {
    return new LiveConfig(max, perAddress, heartbeat, claimTimeout);
  }

  public LiveConfig withHeartbeat(Duration every) {
    return new LiveConfig(maxStreams, maxStreamsPerAddress, every, claimTimeout);
  }
}
