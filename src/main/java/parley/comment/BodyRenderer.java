package parley.comment;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown in, safe HTML out. Raw HTML in the markdown is escaped (shown as text), and the result passes an
 * allow-list sanitizer as well, because commonmark alone still lets {@code javascript:} links through.
 * Thread-safe.
 */
public final class BodyRenderer {
  private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).softbreak("<br />").build();
  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "a")
      .allowUrlProtocols("http", "https", "mailto")
      .allowAttributes("href").onElements("a")
      .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,30}")).onElements("code")
      .requireRelsOnLinks("nofollow", "ugc", "noopener")
      .toFactory();
  /** The same allow-list for HTML written elsewhere (imports), with b, i and s mapped onto their equivalents. */
  private static final PolicyFactory IMPORTED = POLICY.and(new HtmlPolicyBuilder()
      .allowElements((name, attrs) -> "strong", "b")
      .allowElements((name, attrs) -> "em", "i")
      .allowElements((name, attrs) -> "del", "s", "strike")
      .toFactory());

  private BodyRenderer() {}

  /** The allow-list that HTML from other systems must pass before it is stored or converted (imports). */
  public static PolicyFactory importedHtmlPolicy() {
    return IMPORTED;
  }

  public static String render(String markdown) {
    String html = RENDERER.render(PARSER.parse(markdown));
    return POLICY.sanitize(html).strip();
  }
}
