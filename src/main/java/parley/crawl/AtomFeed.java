package parley.crawl;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import parley.comment.LatestComments.Latest;

/**
 * Atom 1.0 (RFC 4287) feeds of published comments, written with the JDK's StAX writer so every text and attribute is
 * escaped by the XML library rather than by hand. Ids are {@code urn:parley:} names built from the site and database
 * ids, so they stay the same when Parley moves to another host. Stateless.
 */
final class AtomFeed {
  private static final String NS = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  /** What the feed is about; {@code fallbackUpdated} is its {@code updated} when it has no entries. */
  record Head(String id, String title, String selfUrl, String alternateUrl, Instant fallbackUpdated) {}

  private AtomFeed() {}

  static String siteId(String site) {
    return "urn:parley:site:" + encode(site);
  }

  static String threadId(String site, long threadId) {
    return siteId(site) + ":thread:" + threadId;
  }

  /** {@code htmlUrl}: an entry's no-JavaScript thread page, linked when the publisher's page URL is unknown. */
  static String write(Head head, String site, List<Latest> entries, Function<Latest, String> htmlUrl) {
    StringWriter text = new StringWriter(8192);
    try {
      XMLStreamWriter x = FACTORY.createXMLStreamWriter(text);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(NS);
      element(x, "id", head.id());
      element(x, "title", head.title());
      Instant updated = entries.stream().map(Latest::updated).max(Instant::compareTo).orElse(head.fallbackUpdated());
      element(x, "updated", updated.toString());
      link(x, "self", head.selfUrl(), "application/atom+xml");
      if (head.alternateUrl() != null) link(x, "alternate", head.alternateUrl(), "text/html");
      element(x, "generator", "Parley");
      for (Latest e : entries) entry(x, site, e, htmlUrl);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  private static void entry(XMLStreamWriter x, String site, Latest e, Function<Latest, String> htmlUrl)
      throws XMLStreamException {
    x.writeStartElement("entry");
    element(x, "id", siteId(site) + ":comment:" + e.id());
    element(x, "title", "Comment by " + e.author() + " on " + (e.title() == null ? e.pageKey() : e.title()));
    element(x, "published", e.createdAt().toString());
    element(x, "updated", e.updated().toString());
    x.writeStartElement("author");
    element(x, "name", e.author());
    x.writeEndElement();
    String page = isWebUrl(e.url()) ? e.url() : htmlUrl.apply(e);
    link(x, "alternate", page + "#parley-comment-" + e.id(), "text/html");
    x.writeStartElement("content");
    x.writeAttribute("type", "html");
    x.writeCharacters(xmlSafe(e.html()));
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(xmlSafe(value));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", xmlSafe(href));
  }

  static boolean isWebUrl(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }

  /** Drops characters XML 1.0 cannot carry at all (escaping cannot help), so one bad comment cannot break the feed. */
  static String xmlSafe(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
