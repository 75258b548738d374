package parley.importing;

import java.net.URI;

/**
 * How an imported thread's page key is chosen. The widget sends {@code location.pathname} unless the page sets
 * {@code data-page}, so {@link #PATH} fits most sites; {@link #IDENTIFIER} fits sites that set data-page to the old
 * system's identifier (Disqus {@code <id>}, WordPress post id).
 */
public enum PageKey {
  PATH, URL, IDENTIFIER;

  /** The key for a thread, falling back from the preferred form to the others, then to {@code fallback}. */
  public String choose(String url, String identifier, String fallback) {
    String path = path(url);
    String id = blank(identifier) ? null : identifier.strip();
    String link = blank(url) ? null : url.strip();
    String key = switch (this) {
      case PATH -> first(path, id, link);
      case URL -> first(link, path, id);
      case IDENTIFIER -> first(id, path, link);
    };
    return key == null ? fallback : key;
  }

  private static String path(String url) {
    if (blank(url)) return null;
    try {
      String path = URI.create(url.strip()).getRawPath();
      return blank(path) ? "/" : path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String first(String... options) {
    for (String o : options) {
      if (o != null) return o.length() > 512 ? o.substring(0, 512) : o;
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
