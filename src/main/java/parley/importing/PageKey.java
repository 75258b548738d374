package parley.importing;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import parley.thread.ThreadKey;

/**
 * How an imported thread's page key is chosen. The widget sends the page's URL, which the server stores as
 * {@code host/path} (README: Thread identity) and also finds under the path alone, so {@link #PATH} fits most sites,
 * whatever host the old system recorded; {@link #URL} keeps the host; {@link #IDENTIFIER} fits sites that set
 * data-page to the old system's identifier (Disqus {@code <id>}, WordPress post id).
 */
public enum PageKey {
  PATH, URL, IDENTIFIER;

  /** Pages that name their article in the query string: the site root ({@code /?p=123}) and scripts. */
  private static final Pattern SCRIPT = Pattern.compile("(?i).*\\.(php|aspx?|jsp|cgi|pl|cfm|shtml)$");
  /** Query parameters that change how a page shows, not which article it is. */
  private static final Set<String> PRESENTATION = Set.of("preview", "preview_id", "preview_nonce", "replytocom",
      "amp", "share", "ref", "cpage", "nocache", "doing_wp_cron", "output", "print", "lang", "hl");

  /** The key for a thread, falling back from the preferred form to the others, then to {@code fallback}. */
  public String choose(String url, String identifier, String fallback) {
    String link = blank(url) ? null : url.strip();
    String path = ThreadKey.pathKey(link, identifying(link));
    String id = blank(identifier) ? null : identifier.strip();
    if (id != null && id.startsWith("/") && !id.startsWith("//")) { // a path as the old system keyed it (Isso)
      String asUrl = "http://host" + id;
      String normalized = ThreadKey.pathKey(asUrl, identifying(asUrl));
      if (normalized != null) id = normalized;
    }
    String key = switch (this) {
      case PATH -> first(path, id, link);
      case URL -> first(link, path, id);
      case IDENTIFIER -> first(id, path, link);
    };
    return key == null ? fallback : key;
  }

  /**
   * The query parameters that name the article in a link: on the site root or a script ({@code /?p=123},
   * {@code /index.php?page_id=7}, {@code /article.php?id=5}) every one but tracking and presentation ones; none on a
   * path of its own, where a query is tracking or view state.
   */
  public static Set<String> identifying(String url) {
    if (url == null) return Set.of();
    String path = ThreadKey.pathKey(url, Set.of());
    if (path == null || !(path.equals("/") || SCRIPT.matcher(path).matches())) return Set.of();
    List<String> names = ThreadKey.queryNames(url);
    return Set.copyOf(names.stream().filter(n -> !PRESENTATION.contains(n.toLowerCase(java.util.Locale.ROOT)))
        .toList());
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
