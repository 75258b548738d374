package parley.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.owasp.html.HtmlStreamEventReceiver;

/** Writes sanitized HTML events as markdown: paragraphs, breaks, emphasis, code, quotes, lists and links. */
final class MarkdownWriter implements HtmlStreamEventReceiver {
  private final StringBuilder out = new StringBuilder();
  private final Deque<String> links = new ArrayDeque<>();
  private final Deque<int[]> lists = new ArrayDeque<>(); // {0} bullet, {n} next ordered number
  private int pre;
  private int code;
  private int quote;
  private boolean lineStart = true;

  String result() {
    return out.toString().strip();
  }

  @Override public void openDocument() {}

  @Override public void closeDocument() {}

  @Override public void openTag(String name, List<String> attrs) {
    switch (name) {
      case "p", "hr" -> {
        block();
        if (name.equals("hr")) {
          append("---");
          block();
        }
      }
      case "br" -> newline();
      case "strong" -> append("**");
      case "em" -> append("*");
      case "code" -> {
        code++;
        if (pre == 0) append("`");
      }
      case "pre" -> {
        block();
        append("```");
        newline();
        pre++;
      }
      case "blockquote" -> {
        block();
        quote++;
      }
      case "ul", "ol" -> {
        block();
        lists.push(new int[] {name.equals("ul") ? 0 : 1});
      }
      case "li" -> listItem();
      case "a" -> {
        String href = attr(attrs, "href");
        links.push(href == null ? "" : href);
        if (href != null) append("[");
      }
      default -> { }
    }
  }

  @Override public void closeTag(String name) {
    switch (name) {
      case "p" -> block();
      case "strong" -> append("**");
      case "em" -> append("*");
      case "code" -> {
        code = Math.max(0, code - 1);
        if (pre == 0) append("`");
      }
      case "pre" -> {
        pre = Math.max(0, pre - 1);
        if (!lineStart) newline();
        append("```");
        block();
      }
      case "blockquote" -> {
        dropQuotedBlankLine();
        quote = Math.max(0, quote - 1);
        block();
      }
      case "ul", "ol" -> {
        lists.poll();
        block();
      }
      case "a" -> {
        String href = links.poll();
        if (href != null && !href.isEmpty()) append("](" + href.replace(")", "%29").replace(" ", "%20") + ")");
      }
      default -> { }
    }
  }

  @Override public void text(String text) {
    if (pre > 0) {
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) newline();
        if (!lines[i].isEmpty()) append(lines[i]);
      }
      return;
    }
    String collapsed = collapseWhitespace(text);
    if (lineStart || (!out.isEmpty() && out.charAt(out.length() - 1) == ' ')) collapsed = collapsed.stripLeading();
    if (!collapsed.isEmpty()) append(code > 0 ? collapsed.replace('`', '\'') : escape(collapsed));
  }

  /** Runs of whitespace become one space, as a browser shows them. */
  static String collapseWhitespace(String text) {
    StringBuilder sb = null;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ws = Character.isWhitespace(c);
      if (ws && (space || c != ' ') && sb == null) sb = new StringBuilder(text.length()).append(text, 0, i);
      if (sb != null && !(ws && space)) sb.append(ws ? ' ' : c);
      space = ws;
    }
    return sb == null ? text : sb.toString();
  }

  private void listItem() {
    if (!lineStart) newline();
    int[] list = lists.peek();
    append("  ".repeat(Math.max(0, lists.size() - 1)));
    if (list == null || list[0] == 0) {
      append("- ");
    } else {
      append(list[0]++ + ". ");
    }
  }

  private void append(String s) {
    if (lineStart && quote > 0) out.append("> ".repeat(quote));
    lineStart = false;
    out.append(s);
  }

  private void newline() {
    out.append('\n');
    lineStart = true;
  }

  /** Ends the current block with a blank line (inside a quote the blank line keeps the quote open). */
  private void block() {
    if (out.isEmpty() || (lineStart && endsWithBlankLine())) return;
    if (!lineStart) newline();
    if (quote > 0) out.append(">".repeat(quote));
    newline();
  }

  /** A quote's last paragraph leaves a ">" line to keep the quote open; at the quote's end it must go. */
  private void dropQuotedBlankLine() {
    int end = out.length() - 1;
    if (end < 1 || out.charAt(end) != '\n') return;
    int start = end;
    while (start > 0 && out.charAt(start - 1) == '>') start--;
    if (start < end && (start == 0 || out.charAt(start - 1) == '\n')) out.setLength(start);
  }

  private boolean endsWithBlankLine() {
    int n = out.length();
    return n >= 2 && out.charAt(n - 1) == '\n' && (out.charAt(n - 2) == '\n' || out.charAt(n - 2) == '>');
  }

  private static String attr(List<String> attrs, String name) {
    for (int i = 0; i + 1 < attrs.size(); i += 2) {
      if (attrs.get(i).equals(name)) return attrs.get(i + 1);
    }
    return null;
  }

  /** Backslash-escapes the characters that would otherwise turn plain text into markdown or HTML. */
  static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>".indexOf(c) >= 0) {
        if (sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        sb.append('\\');
      }
      if (sb != null) sb.append(c);
    }
    return sb == null ? text : sb.toString();
  }
}
