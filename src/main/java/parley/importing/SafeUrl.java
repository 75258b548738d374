package parley.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The link rules of live input applied to imported threads: only absolute http(s) URLs of at most {@link #MAX}
 * characters are kept. Anything else ({@code javascript:}, {@code data:}, relative or broken links) would be served
 * to readers as a link, and its empty path used to file unrelated threads under page key "/".
 */
public final class SafeUrl {
  public static final int MAX = 2048;

  private SafeUrl() {}

  /** The stripped link when it is safe to store and serve, else null (also for null or blank input). */
  public static String httpOrNull(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String url = raw.strip();
    if (url.length() > MAX) return null;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return web && uri.getHost() != null ? url : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** {@link #httpOrNull}, with a warning naming the record when a link is dropped. */
  public static String check(String raw, ImportSink sink, Location at, String record) {
    String url = httpOrNull(raw);
    if (url == null && raw != null && !raw.isBlank()) {
      sink.warning((at == null ? "" : at + ": ") + "link '" + abbreviate(raw.strip()) + "' of " + record
          + " is not an http(s) URL: dropped, the thread is filed by its other identifiers");
    }
    return url;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
