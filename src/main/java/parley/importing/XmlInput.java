package parley.importing;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX plumbing shared by the XML readers: a safe factory, flat records, locations and clean error messages. */
public final class XmlInput {
  private XmlInput() {}

  /** A streaming reader with DTDs and external entities off (no XXE), CDATA merged into text. */
  public static XMLStreamReader open(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f.createXMLStreamReader(in);
  }

  /**
   * Reads the element the reader is on, to its end tag, into a flat map: child text by path ({@code author/name}),
   * attributes by {@code path@local-name} ({@code @id} for the element's own, {@code thread@id} for a child's).
   * Namespace prefixes are dropped. Leaves the reader on the element's end tag.
   */
  public static Map<String, String> readFlat(XMLStreamReader r) throws XMLStreamException {
    Map<String, String> fields = new HashMap<>();
    attributes(r, "", fields);
    StringBuilder path = new StringBuilder();
    StringBuilder text = new StringBuilder();
    int depth = 0;
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (!path.isEmpty()) path.append('/');
          path.append(r.getLocalName());
          attributes(r, path.toString(), fields);
          text.setLength(0);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth == 0) return fields;
          String key = path.toString();
          if (!text.isEmpty()) fields.merge(key, text.toString(), (a, b) -> a);
          text.setLength(0);
          int slash = path.lastIndexOf("/");
          path.setLength(Math.max(slash, 0));
          depth--;
        }
        default -> { }
      }
    }
  }

  private static void attributes(XMLStreamReader r, String path, Map<String, String> fields) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      fields.put(path + "@" + r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
  }

  public static Location location(XMLStreamReader r) {
    return new Location(r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
  }

  /** Wraps a parser error with its line and column and the record being read (may be null). */
  public static ImportException malformed(XMLStreamException e, String record) {
    var loc = e.getLocation();
    String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int cut = message.indexOf("Message: ");
    if (cut >= 0) message = message.substring(cut + 9);
    return new ImportException("malformed XML: " + message.strip(),
        loc == null ? null : new Location(loc.getLineNumber(), loc.getColumnNumber()), record, e);
  }

  public static boolean isTrue(String value) {
    return value != null && (value.strip().equalsIgnoreCase("true") || value.strip().equals("1"));
  }
}
