package parley.moderation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import parley.classify.Category;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * A site's moderation settings, stored as JSON. Immutable.
 *
 * @param mode when comments wait for a moderator regardless of content
 * @param trustedAfter with {@link Mode#PRE_MODERATE_NEW}: approved comments an author needs to publish directly
 * @param thresholds per category: hold at or above {@code hold}, reject at or above {@code reject}; the defaults
 *     are the classifier's calibrated {@link ScoreThresholds}. JSON keys are {@link Category#key()}s ("toxic")
 * @param bannedWords matches are rejected; @param suspectWords matches are held
 * @param maxLinks more links than this are held
 * @param holdDuplicates hold exact or near copies of the author's recent comments
 * @param userPostsPerMinute, ipPostsPerMinute token-bucket rates for new comments (bursts up to the same number)
 * @param reportsToQueue reader reports that move a published comment to the reported queue
 * @param requireAccount refuse anonymous comments
 * @param trust how the author's record weighs into a trust score and what it changes; null in JSON stored before it
 *     existed, read as {@link TrustPolicy#defaults()}
 */
public record Policy(Mode mode, int trustedAfter, Map<Category, Threshold> thresholds, List<String> bannedWords,
    List<String> suspectWords, int maxLinks, boolean holdDuplicates, int userPostsPerMinute, int ipPostsPerMinute,
    int reportsToQueue, boolean requireAccount, TrustPolicy trust) {

  /** A policy with the default trust settings, for callers that set none. */
  public Policy(Mode mode, int trustedAfter, Map<Category, Threshold> thresholds, List<String> bannedWords,
      List<String> suspectWords, int maxLinks, boolean holdDuplicates, int userPostsPerMinute, int ipPostsPerMinute,
      int reportsToQueue, boolean requireAccount) {
    this(mode, trustedAfter, thresholds, bannedWords, suspectWords, maxLinks, holdDuplicates, userPostsPerMinute,
        ipPostsPerMinute, reportsToQueue, requireAccount, null);
  }

  /** Keeps the thresholds as an unmodifiable map in {@link Category} order, whatever map Jackson or a caller built. */
  public Policy {
    thresholds = ordered(thresholds);
  }

  public enum Mode { POST_MODERATE, PRE_MODERATE_ALL, PRE_MODERATE_NEW }

  public record Threshold(double hold, double reject) {}

  /** Thresholds calibrated with the shipped model ({@link ScoreThresholds#defaults()}), read once. */
  private static final class Calibrated {
    static final Map<Category, Threshold> THRESHOLDS = ScoreThresholds.defaults();
  }

  public static Policy defaults() {
    return new Policy(Mode.POST_MODERATE, 2, Calibrated.THRESHOLDS, List.of(), List.of(), 2, true, 10, 120, 3, false);
  }

  /**
   * The defaults with the lines {@code model}'s own training chose where it has them: a model folder from
   * {@code parley train} is calibrated on its own scores, and the shipped model's lines would misjudge it.
   */
  public static Policy defaults(parley.classify.Classifier model) {
    Map<Category, parley.classify.CalibratedLine> lines = model.calibratedLines();
    if (lines.isEmpty()) return defaults();
    Map<Category, Threshold> m = new java.util.EnumMap<>(Calibrated.THRESHOLDS);
    lines.forEach((c, l) -> m.put(c, new Threshold(l.hold(), l.reject())));
    return defaults().withThresholds(java.util.Collections.unmodifiableMap(m));
  }

  /** The same policy with other per-category lines (category → hold and reject). */
  public Policy withThresholds(Map<Category, Threshold> other) {
    return new Policy(mode, trustedAfter, other, bannedWords, suspectWords, maxLinks, holdDuplicates, userPostsPerMinute,
        ipPostsPerMinute, reportsToQueue, requireAccount, trust);
  }

  /** The same policy with other posting rates (per reader, per IP address, per minute). */
  public Policy withRateLimits(int perUser, int perIp) {
    return new Policy(mode, trustedAfter, thresholds, bannedWords, suspectWords, maxLinks, holdDuplicates, perUser, perIp,
        reportsToQueue, requireAccount, trust);
  }

  /** The same policy with other trust settings. */
  public Policy withTrust(TrustPolicy other) {
    return new Policy(mode, trustedAfter, thresholds, bannedWords, suspectWords, maxLinks, holdDuplicates,
        userPostsPerMinute, ipPostsPerMinute, reportsToQueue, requireAccount, other);
  }

  /**
   * Publishes everything: no rate limits, no duplicate or link holds, classifier scores recorded but never acted on.
   * For bulk loads and for tests of other features, which post in bursts of short, repetitive texts.
   */
  public static Policy permissive() {
    Map<Category, Threshold> never = new EnumMap<>(Category.class);
    for (Category c : Category.values()) never.put(c, new Threshold(1.0, 1.0));
    return new Policy(Mode.POST_MODERATE, 0, never, List.of(), List.of(), 1_000_000, false, 1_000_000, 1_000_000,
        defaults().reportsToQueue(), false);
  }

  /** Refuses settings that cannot work, naming the field. */
  public Policy validated() {
    if (mode == null) throw invalid("'mode' is one of POST_MODERATE, PRE_MODERATE_ALL, PRE_MODERATE_NEW.");
    if (trustedAfter < 0 || trustedAfter > 1000) throw invalid("'trustedAfter' is 0 to 1000.");
    if (maxLinks < 0) throw invalid("'maxLinks' must be 0 or more.");
    if (userPostsPerMinute < 1 || ipPostsPerMinute < 1) throw invalid("Rate limits must be at least 1 per minute.");
    if (reportsToQueue < 1) throw invalid("'reportsToQueue' must be at least 1.");
    trust().validated();
    // unknown category keys never get this far: see category(String), which readers of policy JSON call first
    for (var e : thresholds().entrySet()) {
      Threshold t = e.getValue();
      if (t == null || t.hold() < 0 || t.reject() > 1.0001 || t.hold() > t.reject()) {
        throw invalid("Threshold for '" + e.getKey().key() + "' needs 0 ≤ hold ≤ reject ≤ 1.");
      }
    }
    return this;
  }

  /** The category a thresholds key in policy JSON names (any case), or the API's error for an unknown one. */
  public static Category category(String key) {
    try {
      return Category.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw invalid("Unknown category '" + key + "'.");
    }
  }

  private static Map<Category, Threshold> ordered(Map<Category, Threshold> thresholds) {
    if (thresholds == null || thresholds.isEmpty()) return Map.of();
    Map<Category, Threshold> m = new EnumMap<>(Category.class);
    m.putAll(thresholds);
    return Collections.unmodifiableMap(m);
  }

  @Override
  public TrustPolicy trust() {
    return trust == null ? TrustPolicy.defaults() : trust;
  }

  @Override
  public List<String> bannedWords() {
    return bannedWords == null ? List.of() : bannedWords;
  }

  @Override
  public List<String> suspectWords() {
    return suspectWords == null ? List.of() : suspectWords;
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, message);
  }
}
