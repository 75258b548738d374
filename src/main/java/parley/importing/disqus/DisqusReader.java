package parley.importing.disqus;

import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import parley.comment.CommentState;
import parley.importing.HtmlBody;
import parley.importing.ImportException;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.Location;
import parley.importing.PageKey;
import parley.importing.SafeUrl;
import parley.importing.XmlInput;

/**
 * Streams a Disqus export ({@code <disqus>} with {@code <thread dsq:id>} and {@code <post dsq:id>} children) into a
 * sink, one record at a time: memory stays constant whatever the file size. Records are identified by their
 * {@code dsq:id} attribute, never by the often empty {@code <id>} element. Not thread-safe.
 */
public final class DisqusReader {
  public static final String FORMAT = parley.importing.Imports.Format.DISQUS.key(); // the one spelling: Imports.Format
  /** The thread source id given to posts that name no thread: they share one placeholder thread. */
  public static final String NO_THREAD = "none";

  private final PageKey pageKey;
  /** The documented default for a missing {@code <createdAt>}: the time of the import. */
  private final long now = System.currentTimeMillis();
  private ImportSink sink;

  public DisqusReader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  /** Reads the whole stream; malformed input throws {@link ImportException} naming line, column and record. */
  public void read(InputStream in, ImportSink sink) {
    String record = null;
    this.sink = sink;
    XMLStreamReader r = null;
    try {
      r = XmlInput.open(in);
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
          ImportedThread thread = thread(f, at, record);
          if (thread != null) sink.thread(thread);
        } else {
          ImportedPost post = post(f, at, record);
          if (post != null) sink.post(post);
        }
        record = null;
      }
    } catch (XMLStreamException e) {
      throw XmlInput.malformed(e, record, r);
    } catch (com.ctc.wstx.exc.WstxLazyException e) { // met while reading text, e.g. a file cut inside CDATA
      throw XmlInput.malformed(e, record, r);
    }
  }

  private static String dsqId(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (r.getAttributeLocalName(i).equals("id")) return r.getAttributeValue(i);
    }
    return "";
  }

  private ImportedThread thread(Map<String, String> f, Location at, String record) {
    String id = blankToNull(f.get("@id"));
    if (id == null) {
      sink.warning(at + ": " + record + " has no dsq:id, so no post can name it: skipped");
      sink.skipped(ImportSink.Skip.NO_ID);
      return null;
    }
    String url = SafeUrl.check(f.get("link"), sink, at, record);
    String key = pageKey.choose(url, f.get("id"), FORMAT + "-thread-" + id);
    boolean closed = XmlInput.isTrue(f.get("isClosed")) || XmlInput.isTrue(f.get("isDeleted"));
    return new ImportedThread(id, key, url, HtmlBody.title(f.get("title")), closed, time(f.get("createdAt"), at, record),
        at);
  }

  /** The post, or null when it has no id at all (skipped with a warning). */
  private ImportedPost post(Map<String, String> f, Location at, String record) {
    String id = blankToNull(f.getOrDefault("@id", f.get("id")));
    if (id == null) {
      sink.warning(at + ": " + record + " has neither a dsq:id nor an <id>: skipped");
      sink.skipped(ImportSink.Skip.NO_ID);
      return null;
    }
    String thread = blankToNull(f.get("thread@id"));
    if (thread == null) {
      sink.warning(at + ": post " + id + " names no thread: filed under the placeholder thread '" + FORMAT
          + "-thread-" + NO_THREAD + "'");
      thread = NO_THREAD;
    }
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
        f.getOrDefault("message", ""), HtmlBody.format(f.getOrDefault("message", "")), state, at);
  }

  /** A missing time is the time of the import (with a warning); one that is there must be ISO-8601. */
  private long time(String text, Location at, String record) {
    if (text == null || text.isBlank()) {
      sink.warning(at + ": " + record + " has no <createdAt>: dated at the time of the import");
      return now;
    }
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
