package parley.importing;

import java.text.Normalizer;
import java.util.List;
import org.owasp.html.Handler;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import parley.comment.BodyRenderer;
import parley.comment.TextInput;

/**
 * Turns a message written as HTML elsewhere into Parley's stored form: sanitized HTML (the same allow-list as rendered
 * markdown, so no script, event handler or {@code javascript:} link survives) and a markdown version for editing,
 * search and the classifier. Both come from one pass over the sanitized event stream. Thread-safe.
 */
public final class HtmlBody {
  private HtmlBody() {}

  /** The stored form of one message. */
  public record Converted(String markdown, String html) {}

  public static Converted fromHtml(String html) {
    String clean = clean(html);
    StringBuilder htmlOut = new StringBuilder(clean.length() + 16);
    HtmlStreamRenderer renderer = HtmlStreamRenderer.create(htmlOut, Handler.DO_NOTHING);
    MarkdownWriter markdown = new MarkdownWriter();
    var policy = BodyRenderer.importedHtmlPolicy().apply(new Tee(renderer, markdown));
    HtmlSanitizer.sanitize(clean, new ImagesAsLinks(policy));
    return new Converted(markdown.result(), htmlOut.toString().strip());
  }

  /**
   * HTML stored by an earlier Parley (a JSON export, a legacy row) passed through the same allow-list as any other
   * imported message: a restore is untrusted input too. Idempotent on HTML that Parley itself rendered.
   */
  public static String sanitizeStored(String html) {
    return html == null ? null : BodyRenderer.importedHtmlPolicy().sanitize(html).strip();
  }

  /** {@link TextInput#clean}, skipped for text that it would return unchanged (most imported messages). */
  static String clean(String text) {
    if (text == null) return "";
    boolean beyondLatin = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029') {
        return TextInput.clean(text);
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) return TextInput.clean(text);
        i++;
      }
      beyondLatin |= c >= 0x300;
    }
    // text already in NFC (almost all) is returned as is; the quick check is far cheaper than normalizing
    return beyondLatin && !Normalizer.isNormalized(text, Normalizer.Form.NFC) ? TextInput.clean(text) : text;
  }

  /** {@link TextInput#line}, skipped for names that it would return unchanged. */
  static String line(String text) {
    if (text == null) return null;
    int n = text.length();
    if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') return TextInput.line(text);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F || (c == ' ' && text.charAt(i - 1) == ' ')) return TextInput.line(text);
    }
    return text;
  }

  private static final java.util.regex.Pattern BLOCK =
      java.util.regex.Pattern.compile("(?i)<(p|br|div|blockquote|pre|ul|ol|li|h[1-6]|table)\\b");

  /**
   * How a Disqus message is written: HTML, except messages from its early years, plain text whose newlines are the
   * reader's paragraphs and line breaks (no block tag anywhere), read as WordPress text is.
   */
  public static ImportedPost.BodyFormat format(String message) {
    return message.indexOf('\n') >= 0 && !BLOCK.matcher(message).find() ? ImportedPost.BodyFormat.AUTO_PARAGRAPHS
        : ImportedPost.BodyFormat.HTML;
  }

  /** A thread title as Disqus and WordPress export it, entities and all ({@code Trams &amp; buses}): plain text. */
  public static String title(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String t = line(org.owasp.html.Encoding.decodeHtml(raw, false)).strip();
    return t.isEmpty() ? null : t;
  }

  /** WordPress stores comments as text whose blank lines are paragraphs and newlines are breaks. */
  public static Converted fromAutoParagraphs(String text) {
    String t = clean(text).strip();
    if (t.contains("<p>") || t.contains("<p ")) return fromHtml(t);
    StringBuilder html = new StringBuilder(t.length() + 32);
    for (String para : t.split("\n\\s*\n")) {
      if (!para.isBlank()) html.append("<p>").append(para.strip().replace("\n", "<br>\n")).append("</p>");
    }
    return fromHtml(html.toString());
  }

  /**
   * Comments show no images, but an old system's image must not vanish without a trace (a Remark42 comment that was
   * only a picture became an empty comment): each {@code <img>} becomes a link to it named by its alt text, before
   * the allow-list, which still vets the link like any other.
   */
  private record ImagesAsLinks(HtmlSanitizer.Policy next) implements HtmlSanitizer.Policy {
    @Override public void openDocument() {
      next.openDocument();
    }

    @Override public void closeDocument() {
      next.closeDocument();
    }

    @Override public void openTag(String name, List<String> attrs) {
      if (!name.equals("img")) {
        next.openTag(name, attrs);
        return;
      }
      String src = null, alt = null;
      for (int i = 0; i + 1 < attrs.size(); i += 2) {
        if (attrs.get(i).equals("src")) src = attrs.get(i + 1);
        else if (attrs.get(i).equals("alt")) alt = attrs.get(i + 1);
      }
      if (src == null || src.isBlank()) return;
      next.openTag("a", new java.util.ArrayList<>(List.of("href", src.strip()))); // the policy edits the list
      next.text("[image" + (alt == null || alt.isBlank() ? "" : ": " + alt.strip()) + "]");
      next.closeTag("a");
    }

    @Override public void closeTag(String name) {
      if (!name.equals("img")) next.closeTag(name);
    }

    @Override public void text(String text) {
      next.text(text);
    }
  }

  /** Sends each sanitized event to both receivers. */
  private record Tee(HtmlStreamEventReceiver a, HtmlStreamEventReceiver b) implements HtmlStreamEventReceiver {
    @Override public void openDocument() {
      a.openDocument();
      b.openDocument();
    }

    @Override public void closeDocument() {
      a.closeDocument();
      b.closeDocument();
    }

    @Override public void openTag(String name, List<String> attrs) {
      a.openTag(name, attrs);
      b.openTag(name, attrs);
    }

    @Override public void closeTag(String name) {
      a.closeTag(name);
      b.closeTag(name);
    }

    @Override public void text(String text) {
      a.text(text);
      b.text(text);
    }
  }
}
