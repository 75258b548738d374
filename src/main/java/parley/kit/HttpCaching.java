package parley.kit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Conditional JSON answers: an ETag from the body, 304 when the client already has it, and a Cache-Control that lets
 * a CDN hold anonymous reads for a few seconds (a write shows up at most that late; purge the thread's URL to show it
 * at once). Answers with per-reader fields (mine, myVote) are private: no shared cache may store them.
 */
public final class HttpCaching {
  /** How long a CDN or browser may reuse an anonymous thread page without asking. */
  public static final int SHARED_MAX_AGE_SECONDS = 5;

  private HttpCaching() {}

  /** The request headers a thread page differs by; shared caches must key on them. */
  public static final String VARY = "Origin, X-Parley-Client, Cookie";

  /** A JSON answer: its bytes, ETag and Cache-Control, and whether the client's If-None-Match already has it (304). */
  public record Answer(byte[] body, String etag, String cacheControl, boolean notModified) {}

  public static Answer json(Object body, String ifNoneMatch, boolean anonymous) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String etag = "\"" + digest(bytes) + "\"";
    String cacheControl = anonymous
        ? "public, max-age=" + SHARED_MAX_AGE_SECONDS + ", stale-while-revalidate=30"
        : "private, no-cache";
    return new Answer(bytes, etag, cacheControl, matches(ifNoneMatch, etag));
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) c = c.substring(2);
      if (c.equals(etag) || c.equals("*")) return true;
    }
    return false;
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
