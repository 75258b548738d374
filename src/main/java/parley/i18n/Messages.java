package parley.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * One language's dashboard strings, read once from {@code /parley/i18n/dashboard_<tag>.properties} (UTF-8).
 * Placeholders are {@code {0}}, {@code {1}}; plural messages are keys ending in a {@link Plural} suffix.
 * Immutable and shared between threads.
 */
public final class Messages {
  private static final Map<Lang, Messages> ALL = new EnumMap<>(Lang.class);
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+)}");
  public static final Messages ENGLISH;

  static {
    for (Lang l : Lang.values()) ALL.put(l, new Messages(l, load(l)));
    ENGLISH = ALL.get(Lang.EN);
  }

  private final Lang lang;
  private final Properties strings;
  /** {@link #json}'s answers by prefixes: the bundles never change, and every dashboard page asks. */
  private final Map<String, String> jsonByPrefixes = new java.util.concurrent.ConcurrentHashMap<>();

  private Messages(Lang lang, Properties strings) {
    this.lang = lang;
    this.strings = strings;
  }

  public static Messages of(Lang lang) {
    return ALL.get(lang);
  }

  public static Properties load(Lang lang) {
    String path = "/parley/i18n/dashboard_" + lang.tag() + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing bundle " + path);
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String lang() {
    return lang.tag();
  }

  public String dir() {
    return lang.dir();
  }

  /** The message for a key with its placeholders filled; English when this bundle lacks it, the key when both do. */
  public String get(String key, Object... args) {
    String text = strings.getProperty(key);
    if (text == null) text = lang == Lang.EN ? key : ENGLISH.strings.getProperty(key, key);
    if (args.length == 0) return text;
    // one pass: a value filled in (a reader's name, a comment) is never read as a placeholder itself
    return PLACEHOLDER.matcher(text).replaceAll(m -> {
      int i = Integer.parseInt(m.group(1));
      return java.util.regex.Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group());
    });
  }

  /** A translated message when the text is a known key, else the text itself: error pages still get English literals. */
  public String orLiteral(String keyOrText) {
    return strings.containsKey(keyOrText) || ENGLISH.strings.containsKey(keyOrText) ? get(keyOrText) : keyOrText;
  }

  /**
   * Every message whose key starts with one of {@code prefixes}, as a JSON object keyed by message key (English where
   * this bundle lacks one): the dashboard script reads its texts from it.
   */
  public String json(String... prefixes) {
    return jsonByPrefixes.computeIfAbsent(String.join("\n", prefixes), k -> render(prefixes));
  }

  private String render(String... prefixes) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (String key : ENGLISH.strings.stringPropertyNames()) {
      for (String prefix : prefixes) if (key.startsWith(prefix)) out.put(key, get(key));
    }
    try {
      return parley.kit.Json.MAPPER.writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "just now", "5 min ago", "3 h ago", "2 d ago" in this language, from now to {@code at}. */
  public String ago(java.time.Instant at) {
    long s = Math.max(0, java.time.Duration.between(at, java.time.Instant.now()).getSeconds());
    if (s < 60) return get("time.justNow");
    if (s < 3600) return get("time.minutes", s / 60);
    if (s < 86_400) return get("time.hours", s / 3600);
    return get("time.days", s / 86_400);
  }

  /** The plural form of {@code key} for n, with n as {@code {0}}. */
  public String plural(String key, long n) {
    String form = key + "." + Plural.of(lang, n).suffix();
    return get(strings.containsKey(form) ? form : key + ".other", n);
  }
}
