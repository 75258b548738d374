package parley.kit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Conditional JSON answers: an ETag from the body, 304 when the client already has it, and a Cache-Control that lets
 * a CDN hold anonymous reads for a few seconds (a write shows up at most that late; purge the thread's URL to show it
 * at once). Answers with per-reader fields (mine, myVote) are private: no shared cache may store them. No HTTP
 * framework here: handlers copy an {@link Answer} onto their response.
 */
public final class HttpCaching {
  /** How long a CDN or browser may reuse an anonymous thread page without asking. */
  public static final int SHARED_MAX_AGE_SECONDS = 5;

  private HttpCaching() {}

  /** The request headers a thread page differs by; shared caches must key on them. */
  public static final String VARY = "Origin, X-Parley-Client, Cookie, Accept-Encoding";

  /**
   * A JSON answer: the bytes to send (gzipped when {@code contentEncoding} is "gzip"), its ETag and Cache-Control,
   * and whether the client's If-None-Match already has it (304).
   */
  public record Answer(byte[] body, String contentEncoding, String etag, String cacheControl, boolean notModified) {}

  public static Answer json(Object body, String ifNoneMatch, boolean anonymous) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return json(bytes, null, etag(bytes), ifNoneMatch, null, anonymous);
  }

  /**
   * JSON already serialized, with its {@link #etag} (computed once when the bytes are cached) and the same JSON
   * gzipped ahead of time (null: none), sent as is to clients that accept gzip: a cached page is compressed once
   * rather than on every request.
   */
  public static Answer json(byte[] bytes, byte[] gzipped, String etag, String ifNoneMatch, String acceptEncoding,
      boolean anonymous) {
    String cacheControl = anonymous
        ? "public, max-age=" + SHARED_MAX_AGE_SECONDS + ", stale-while-revalidate=30"
        : "private, no-cache";
    boolean gzip = gzipped != null && acceptsGzip(acceptEncoding);
    return new Answer(gzip ? gzipped : bytes, gzip ? "gzip" : null, etag, cacheControl, matches(ifNoneMatch, etag));
  }

  /** The bytes gzipped at the default level. */
  public static byte[] gzip(byte[] bytes) {
    var out = new java.io.ByteArrayOutputStream(bytes.length / 4 + 64);
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Whether an Accept-Encoding header lists gzip (or *) without q=0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.split(";");
      String coding = fields[0].trim();
      if (!coding.equalsIgnoreCase("gzip") && !coding.equals("*")) continue;
      boolean refused = false;
      for (int i = 1; i < fields.length; i++) {
        String f = fields[i].trim().replace(" ", "");
        if (f.startsWith("q=")) refused = f.substring(2).matches("0(\\.0*)?");
      }
      if (!refused) return true;
    }
    return false;
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
