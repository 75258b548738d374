package parley.web;

import io.javalin.http.Context;
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

  public static void json(Context ctx, Object body, boolean anonymous) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    json(ctx, bytes, etag(bytes), anonymous);
  }

  /** Answers JSON already serialized, with its {@link #etag} (computed once when the bytes are cached). */
  public static void json(Context ctx, byte[] bytes, String etag, boolean anonymous) {
    ctx.header("ETag", etag);
    ctx.header("Vary", "Origin, X-Parley-Client, Cookie");
    ctx.header("Cache-Control", anonymous
        ? "public, max-age=" + SHARED_MAX_AGE_SECONDS + ", stale-while-revalidate=30"
        : "private, no-cache");
    if (matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json").result(bytes);
  }

  /** A strong validator for the bytes: a digest, so every instance gives the same page the same tag. */
  public static String etag(byte[] bytes) {
    return "\"" + digest(bytes) + "\"";
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
