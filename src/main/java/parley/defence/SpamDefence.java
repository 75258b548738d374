package parley.defence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Spam defence without third parties: the honeypot field and proof-of-work challenges, per site. Settings are read
 * through a 10 s cache (another instance's change is seen within that); spent solutions are shared through the
 * database. Thread-safe.
 */
public final class SpamDefence {
  /** The field the widget renders hidden from people; only bots fill it. */
  public static final String HONEYPOT_FIELD = "homepage";
  static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(15);
  private static final long TTL_MILLIS = 10_000;

  private final DefenceStore store;
  private final SpentStore spent;
  private final ProofOfWork pow;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(DefenceSettings settings, long loadedAt) {}

  public SpamDefence(DefenceStore store, SpentStore spent, Clock clock) {
    this.store = store;
    this.spent = spent;
    this.clock = clock;
    this.pow = new ProofOfWork(store.secret());
  }

  public DefenceSettings settings(String siteId) {
    long now = clock.millis();
    Cached c = cache.get(siteId);
    if (c == null || now - c.loadedAt() > TTL_MILLIS) {
      c = new Cached(store.find(siteId).orElse(DefenceSettings.defaults()), now);
      if (cache.size() > 10_000) cache.clear(); // unknown ids must not grow the cache without bound
      cache.put(siteId, c);
    }
    return c.settings();
  }

  public DefenceSettings update(String siteId, DefenceSettings settings) {
    store.save(siteId, settings.validated());
    cache.remove(siteId);
    return settings;
  }

  /** A fresh challenge when the site asks for proof of work, else empty. */
  public Optional<ProofOfWork.Challenge> challenge(String siteId) {
    DefenceSettings s = settings(siteId);
    if (!s.proofOfWork()) return Optional.empty();
    return Optional.of(pow.issue(siteId, s.difficulty(), clock.instant().plus(CHALLENGE_LIFETIME)));
  }

  /**
   * Lets a new comment through, or refuses it with a POW_ error code. Returns true when the honeypot caught it: the
   * caller stores it as rejected, so the bot sees an ordinary answer and a moderator can still restore it.
   */
  public boolean admit(String siteId, JsonNode body) {
    if (siteId == null) return false; // the comment handler names the missing field
    DefenceSettings s = settings(siteId);
    if (s.proofOfWork()) requireProof(siteId, body.get("pow"));
    JsonNode trap = body.get(HONEYPOT_FIELD);
    return s.honeypot() && trap != null && !trap.isNull() && !trap.asText().isBlank();
  }

  private void requireProof(String siteId, JsonNode proof) {
    if (proof == null || proof.isNull()) throw new ApiException(ErrorCode.POW_REQUIRED);
    if (!proof.isObject() || !proof.path("number").isIntegralNumber() || !proof.path("salt").isTextual()
        || !proof.path("signature").isTextual()) {
      throw new ApiException(ErrorCode.POW_INVALID, "'pow' is {salt, number, signature} from a solved challenge.");
    }
    var solution = new ProofOfWork.Solution(proof.get("salt").asText(), proof.get("number").asLong(),
        proof.get("signature").asText());
    switch (pow.verify(solution, siteId, clock.instant())) {
      case INVALID -> throw new ApiException(ErrorCode.POW_INVALID);
      case EXPIRED -> throw new ApiException(ErrorCode.POW_EXPIRED);
      case VALID -> {
        if (!spent.spend(solution.signature(), ProofOfWork.expiry(solution).toEpochMilli())) {
          throw new ApiException(ErrorCode.POW_REPLAYED);
        }
      }
    }
  }
}
