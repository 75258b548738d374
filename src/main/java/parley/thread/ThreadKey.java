package parley.thread;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key a page's thread is stored under, so that every spelling of one article's URL meets one thread.
 *
 * <p>Rules (README, "Thread identity"): a key that is not an absolute http(s) URL is the publisher's opaque id
 * ({@code data-page}) and is used as given, only trimmed. A URL becomes {@code host + path [+ "?" + query]}: the scheme
 * is dropped (http and https are one page), the host lower-cased and without a leading {@code www.}, user info and the
 * default ports 80 and 443 dropped, the fragment dropped, {@code .}/{@code ..} segments resolved, percent-encoding
 * normalized (unreserved characters decoded, other escapes upper-cased, the rest encoded as UTF-8), a trailing
 * {@code index.html}/{@code index.htm} and trailing slashes dropped (the root stays {@code /}), and query parameters
 * dropped unless the site lists them as meaningful, tracking ones never kept, the kept ones sorted.
 *
 * @param key the normalized key threads are stored under
 * @param legacy keys a thread may have been stored under before normalization existed (the URL as given, and its
 *     path, which the widget sent before it sent whole URLs), tried in order when no thread has {@code key}
 */
public record ThreadKey(String key, List<String> legacy) {
  private static final Pattern ABSOLUTE = Pattern.compile("(?i)^(https?:)?//.*");
  private static final Pattern TRACKING = Pattern.compile(
      "(?i)utm_.*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|twclid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_.*");
  private static final String UNRESERVED = "-._~";

  /** Normalizes {@code raw} (already a clean line) keeping only the {@code meaningful} query parameters. */
  public static ThreadKey of(String raw, Set<String> meaningful) {
    String given = raw.strip();
    if (!ABSOLUTE.matcher(given).matches()) return new ThreadKey(given, List.of());
    String rest = given.substring(given.indexOf("//") + 2);
    int hash = rest.indexOf('#');
    if (hash >= 0) rest = rest.substring(0, hash);
    int end = firstOf(rest, "/?");
    String authority = rest.substring(0, end);
    rest = rest.substring(end);
    int q = rest.indexOf('?');
    String path = q >= 0 ? rest.substring(0, q) : rest;
    String query = q >= 0 ? rest.substring(q + 1) : "";
    String host = host(authority);
    if (host.isEmpty()) return new ThreadKey(given, List.of()); // "https://" or "https:///a" names no page of a site
    String kept = query(query, meaningful);
    String key = host + path(path) + kept;
    List<String> legacy = new ArrayList<>();
    legacy.add(given);
    // imports with page key "path" store the normalized path (and the meaningful query); older ones the raw path
    legacy.add(path(path) + kept);
    if (!path.isEmpty() && kept.isEmpty()) legacy.add(path);
    legacy.remove(key);
    return new ThreadKey(key, legacy.stream().distinct().toList());
  }

  /**
   * The path of an absolute http(s) URL as imports with page key "path" store it: normalized as in keys, with the
   * {@code meaningful} query parameters; null for anything else.
   */
  public static String pathKey(String url, Set<String> meaningful) {
    if (url == null || !ABSOLUTE.matcher(url.strip()).matches()) return null;
    ThreadKey k = of(url, meaningful);
    int slash = k.key().indexOf('/');
    int query = k.key().indexOf('?');
    return slash < 0 || (query >= 0 && query < slash) ? null : k.key().substring(slash);
  }

  /** Names of the query parameters in an absolute URL, tracking ones left out, in order. */
  public static List<String> queryNames(String url) {
    int q = url == null ? -1 : url.indexOf('?');
    if (q < 0) return List.of();
    String query = url.substring(q + 1);
    int hash = query.indexOf('#');
    if (hash >= 0) query = query.substring(0, hash);
    List<String> names = new ArrayList<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = encoding(eq >= 0 ? pair.substring(0, eq) : pair);
      if (!name.isEmpty() && !TRACKING.matcher(name).matches() && !names.contains(name)) names.add(name);
    }
    return names;
  }

  /** This key and its legacy spellings, in the order a lookup tries them. */
  public List<String> candidates() {
    List<String> all = new ArrayList<>(legacy.size() + 1);
    all.add(key);
    all.addAll(legacy);
    return all;
  }

  private static String host(String authority) {
    String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (host.endsWith(":80") || host.endsWith(":443")) host = host.substring(0, host.lastIndexOf(':'));
    if (host.endsWith(":")) host = host.substring(0, host.length() - 1);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1); // "site.com." is "site.com"
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String path(String raw) {
    List<String> out = new ArrayList<>();
    for (String segment : raw.split("/", -1)) {
      String s = encoding(segment);
      if (s.isEmpty() || s.equals(".")) continue; // empty segments: "//a" and "/a/" are "/a"
      if (s.equals("..")) {
        if (!out.isEmpty()) out.removeLast();
      } else {
        out.add(s);
      }
    }
    if (!out.isEmpty() && (out.getLast().equals("index.html") || out.getLast().equals("index.htm"))) out.removeLast();
    return "/" + String.join("/", out);
  }

  private static String query(String raw, Set<String> meaningful) {
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = encoding(eq >= 0 ? pair.substring(0, eq) : pair);
      if (TRACKING.matcher(name).matches() || !meaningful.contains(name)) continue;
      kept.add(name + "=" + (eq >= 0 ? encoding(pair.substring(eq + 1)) : ""));
    }
    kept.sort(null);
    return kept.isEmpty() ? "" : "?" + String.join("&", kept);
  }

  /** One percent-encoding per character: unreserved decoded, escapes upper-cased, everything else UTF-8 escaped. */
  static String encoding(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
        int b = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (unreserved((char) b)) out.append((char) b);
        else out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        i += 3;
      } else if (unreserved(c) || "!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.append(c);
        i++;
      } else {
        int cp = s.codePointAt(i);
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
        i += Character.charCount(cp);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0);
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return s.length();
  }
}
