package parley.analysis;

import java.util.Arrays;
import java.util.Set;

/**
 * The text the classifier reads, with the way back to the text the client sent: for HTML comments the tags are
 * dropped, entities decoded and block elements turned into spaces, and every character remembers the stretch of
 * source it came from, so spans can be reported in the client's own offsets (UTF-16 units, as in JavaScript).
 */
record PlainText(String text, int[] sourceStart, int[] sourceEnd) {
  private static final Set<String> BLOCKS = Set.of("address", "article", "blockquote", "br", "dd", "div", "dl", "dt",
      "figcaption", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
      "table", "td", "th", "tr", "ul");

  static PlainText of(String text) {
    return new PlainText(text, null, null);
  }

  /** [begin, end) of the plain text as offsets into the source. */
  int[] toSource(int begin, int end) {
    if (sourceStart == null || begin >= end) return new int[] {begin, end};
    return new int[] {sourceStart[begin], sourceEnd[end - 1]};
  }

  static PlainText fromHtml(String html) {
    var out = new Builder(html.length());
    int i = 0, n = html.length();
    while (i < n) {
      char ch = html.charAt(i);
      if (ch == '<' && html.startsWith("<!--", i)) {
        int close = html.indexOf("-->", i + 4);
        i = close < 0 ? n : close + 3;
      } else if (ch == '<' && isTagStart(html, i + 1)) {
        boolean closing = html.charAt(i + 1) == '/';
        String name = tagName(html, i + 1);
        int end = tagEnd(html, i);
        if (BLOCKS.contains(name)) out.separator(i, end);
        i = end;
        if (!closing && (name.equals("script") || name.equals("style"))) {
          // raw text: whatever is inside is code, not words of the comment
          int close = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + name, i);
          i = close < 0 ? n : tagEnd(html, close);
        }
      } else if (ch == '&') {
        i = out.entity(html, i);
      } else {
        out.add(ch, i, i + 1);
        i++;
      }
    }
    return out.build();
  }

  private static boolean isTagStart(String html, int i) {
    if (i >= html.length()) return false;
    char c = html.charAt(i);
    if (c == '/' && i + 1 < html.length()) c = html.charAt(i + 1);
    return Character.isLetter(c) || c == '!' || c == '?';
  }

  private static String tagName(String html, int i) {
    if (html.charAt(i) == '/') i++;
    int j = i;
    while (j < html.length() && Character.isLetterOrDigit(html.charAt(j))) j++;
    return html.substring(i, j).toLowerCase(java.util.Locale.ROOT);
  }

  /** Index just after the tag's closing '>', skipping '>' inside quoted attribute values. */
  private static int tagEnd(String html, int lt) {
    char quote = 0;
    for (int i = lt + 1; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return html.length();
  }

  /** The entities people type, and every numeric one; -1 for the rest (which then stay as typed). */
  private static int codePoint(String name) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) return validCodePoint(Integer.parseInt(name.substring(2), 16));
      if (name.startsWith("#")) return validCodePoint(Integer.parseInt(name.substring(1)));
    } catch (NumberFormatException e) {
      return -1;
    }
    return switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "apos" -> '\'';
      case "nbsp" -> ' ';
      case "mdash" -> '\u2014';
      case "ndash" -> '\u2013';
      case "hellip" -> '\u2026';
      case "lsquo" -> '\u2018';
      case "rsquo" -> '\u2019';
      case "ldquo" -> '\u201C';
      case "rdquo" -> '\u201D';
      default -> -1;
    };
  }

  private static int validCodePoint(int cp) {
    return cp > 0 && Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) ? cp : -1;
  }

  private static final class Builder {
    private final StringBuilder text;
    private int[] start;
    private int[] end;
    private int separatorFrom = -1;
    private int separatorTo;

    Builder(int capacity) {
      text = new StringBuilder(capacity);
      start = new int[Math.max(16, capacity)];
      end = new int[start.length];
    }

    void add(char c, int from, int to) {
      if (separatorFrom >= 0) {
        int from0 = separatorFrom;
        separatorFrom = -1;
        if (text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))) append(' ', from0, separatorTo);
      }
      append(c, from, to);
    }

    private void append(char c, int from, int to) {
      int k = text.length();
      if (k == start.length) {
        start = Arrays.copyOf(start, k * 2);
        end = Arrays.copyOf(end, k * 2);
      }
      text.append(c);
      start[k] = from;
      end[k] = to;
    }

    /** A block boundary reads as one space, so "a</p><p>b" stays two words; none is added at either end. */
    void separator(int from, int to) {
      if (separatorFrom < 0) separatorFrom = from;
      separatorTo = to;
    }

    /** Decodes the entity at {@code amp} (or keeps a lone '&'); returns the index after it. */
    int entity(String html, int amp) {
      int semi = html.indexOf(';', amp + 1);
      if (semi < 0 || semi - amp > 12) {
        add('&', amp, amp + 1);
        return amp + 1;
      }
      String name = html.substring(amp + 1, semi);
      int cp = codePoint(name);
      if (cp < 0) {
        add('&', amp, amp + 1);
        return amp + 1;
      }
      for (char c : Character.toChars(cp)) add(c, amp, semi + 1);
      return semi + 1;
    }

    PlainText build() {
      return new PlainText(text.toString(), start, end);
    }
  }
}
