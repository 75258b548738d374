package parley.analysis;

import java.time.Instant;

/**
 * A client's API key as stored: only its SHA-256 hash and a short prefix (to tell keys apart in listings) are kept.
 *
 * @param qps requests per second the key may make (its token bucket refills at this rate and holds one second's worth)
 */
public record ApiKey(long id, String name, String prefix, int qps, Instant created, Instant revoked) {
  public boolean active() {
    return revoked == null;
  }

  /** A newly created key: {@code secret} is shown once and never stored. */
  public record Created(ApiKey key, String secret) {}
}
