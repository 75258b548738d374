package parley.importing.disqus;

import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import parley.comment.CommentState;
import parley.importing.ImportException;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.Location;
import parley.importing.PageKey;
import parley.importing.XmlInput;

/**
 * Streams a Disqus export ({@code <disqus>} with {@code <thread dsq:id>} and {@code <post dsq:id>} children) into a
 * sink, one record at a time: memory stays constant whatever the file size. Records are identified by their
 * {@code dsq:id} attribute, never by the often empty {@code <id>} element. Not thread-safe.
 */
public final class DisqusReader {
  public static final String FORMAT = "disqus";

  private final PageKey pageKey;

  public DisqusReader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  /** Reads the whole stream; malformed input throws {@link ImportException} naming line, column and record. */
  public void read(InputStream in, ImportSink sink) {
    String record = null;
    try {
      XMLStreamReader r = XmlInput.open(in);
      int depth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) depth--;
        if (event != XMLStreamConstants.START_ELEMENT) continue;
        depth++;
        if (depth == 1 && !r.getLocalName().equals("disqus")) {
          throw new ImportException("not a Disqus export: the root element is <" + r.getLocalName() + ">",
              XmlInput.location(r), null);
        }
        if (depth != 2 || !(r.getLocalName().equals("thread") || r.getLocalName().equals("post"))) continue;
        String kind = r.getLocalName();
        Location at = XmlInput.location(r);
        record = "<" + kind + " dsq:id=\"" + dsqId(r) + "\"> starting at " + at;
        Map<String, String> f = XmlInput.readFlat(r);
        depth--;
        if (kind.equals("thread")) {
          sink.thread(thread(f, at, record));
        } else {
          sink.post(post(f, at, record));
        }
        record = null;
      }
    } catch (XMLStreamException e) {
      throw XmlInput.malformed(e, record);
    }
  }

  private static String dsqId(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals("id")) return r.getAttributeValue(i);
    }
    return "";
  }

  private ImportedThread thread(Map<String, String> f, Location at, String record) {
    String id = required(f, "@id", "dsq:id attribute", at, record);
    String url = f.get("link");
    String key = pageKey.choose(url, f.get("id"), FORMAT + "-thread-" + id);
    boolean closed = XmlInput.isTrue(f.get("isClosed")) || XmlInput.isTrue(f.get("isDeleted"));
    return new ImportedThread(id, key, blankToNull(url), blankToNull(f.get("title")), closed,
        time(f.get("createdAt"), at, record), at);
  }

  private static ImportedPost post(Map<String, String> f, Location at, String record) {
    String id = required(f, "@id", "dsq:id attribute", at, record);
    String thread = required(f, "thread@id", "<thread dsq:id>", at, record);
    String parent = blankToNull(f.get("parent@id"));
    CommentState state;
    if (XmlInput.isTrue(f.get("isSpam"))) {
      state = CommentState.REJECTED;
    } else if (XmlInput.isTrue(f.get("isDeleted"))) {
      state = CommentState.DELETED;
    } else if (f.containsKey("isApproved") && !XmlInput.isTrue(f.get("isApproved"))) {
      state = CommentState.PENDING;
    } else {
      state = CommentState.PUBLISHED;
    }
    boolean anonymous = XmlInput.isTrue(f.get("author/isAnonymous"));
    return new ImportedPost(id, thread, parent, f.get("author/name"), f.get("author/email"),
        anonymous ? null : f.get("author/username"), time(f.get("createdAt"), at, record),
        f.getOrDefault("message", ""), ImportedPost.BodyFormat.HTML, state, at);
  }

  private static String required(Map<String, String> f, String key, String what, Location at, String record) {
    String v = f.get(key);
    if (v == null || v.isBlank()) throw new ImportException("missing " + what, at, record);
    return v.strip();
  }

  static long time(String text, Location at, String record) {
    if (text == null || text.isBlank()) throw new ImportException("missing <createdAt>", at, record);
    try {
      return XmlInput.time(text);
    } catch (DateTimeParseException e) {
      throw new ImportException("<createdAt> is not an ISO-8601 time: '" + text.strip() + "'", at, record);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
