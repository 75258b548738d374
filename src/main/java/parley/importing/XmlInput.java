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
    XMLInputFactory f = new com.ctc.wstx.stax.WstxInputFactory(); // named: the JDK default stays for everyone else
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    try {
      Prolog prolog = Prolog.of(in);
      return prolog.encoding() == null ? f.createXMLStreamReader(prolog.stream())
          : f.createXMLStreamReader(prolog.stream(), prolog.encoding());
    } catch (java.io.IOException e) {
      throw new XMLStreamException("cannot read the file: " + e.getMessage(), e);
    }
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
    return malformed(e, record, null);
  }

  /** Woodstox's lazily thrown error (a file cut inside CDATA), reported as its parse error is. */
  public static ImportException malformed(com.ctc.wstx.exc.WstxLazyException e, String record, XMLStreamReader r) {
    return malformed(e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage()),
        record, r);
  }

  /**
   * As {@link #malformed(XMLStreamException, String)}; when the parser gives no position (an encoding error), the
   * position of the last event {@code r} read stands in for it.
   */
  public static ImportException malformed(XMLStreamException e, String record, XMLStreamReader r) {
    var loc = e.getLocation();
    if (loc == null && r != null) loc = r.getLocation();
    String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int cut = message.indexOf("Message: ");
    if (cut >= 0) message = message.substring(cut + 9);
    cut = message.indexOf("\n at [row,col");
    if (cut >= 0) message = message.substring(0, cut);
    String problem = message.contains("UTF-8") || e.getNestedException() instanceof java.io.CharConversionException
        ? "the file is not valid UTF-8 (save it as UTF-8, or name its encoding in the XML declaration): " + message.strip()
        : "malformed XML: " + message.strip();
    return new ImportException(problem,
        loc == null ? null : new Location(loc.getLineNumber(), loc.getColumnNumber()), record, e);
  }

  /**
   * Epoch millis of an ISO-8601 time such as {@code 2019-03-01T09:00:00Z}; a time without an offset is UTC.
   * The common {@code yyyy-MM-ddTHH:mm:ssZ} form is parsed by hand: java.time costs a microsecond a post.
   */
  public static long time(String text) {
    String t = text.strip();
    if (t.length() == 19 && t.charAt(10) == ' ') t = t.replace(' ', 'T') + "Z"; // WordPress: 2019-03-01 09:00:00
    if (t.length() == 20 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == 'T' && t.charAt(13) == ':'
        && t.charAt(16) == ':' && t.charAt(19) == 'Z') {
      try {
        int year = Integer.parseInt(t, 0, 4, 10);
        int month = Integer.parseInt(t, 5, 7, 10);
        int day = Integer.parseInt(t, 8, 10, 10);
        int hour = Integer.parseInt(t, 11, 13, 10);
        int minute = Integer.parseInt(t, 14, 16, 10);
        int second = Integer.parseInt(t, 17, 19, 10);
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60) {
          return (java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600 + minute * 60
              + second) * 1000;
        }
      } catch (NumberFormatException | java.time.DateTimeException e) {
        // fall through to the general parser, which reports the error
      }
    }
    try {
      return java.time.OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }
  }

  /** Skips the element the reader is on, leaving it on the matching end tag. */
  public static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) depth++;
      if (event == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  public static boolean isTrue(String value) {
    return value != null && (value.strip().equalsIgnoreCase("true") || value.strip().equals("1"));
  }
}
