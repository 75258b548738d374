package parley.importing.disqus;

import java.io.OutputStream;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jdbi.v3.core.Handle;
import parley.store.Database;

/**
 * Writes a site in the Disqus export format, so the comments can move to any tool that reads Disqus exports (Parley
 * included). Thread and post {@code dsq:id}s are Parley ids; a post's {@code <id>} carries the id it was imported
 * with, if any. Deleted comments are {@code isDeleted}, rejected ones {@code isSpam}, pending ones
 * {@code isApproved=false}. Streams rows; parents come before their replies.
 */
public final class DisqusExport {
  private static final String NS = "http://disqus.com";
  private static final String DSQ = "http://disqus.com/disqus-internals";

  private DisqusExport() {}

  public static void write(Database db, String siteId, OutputStream out) {
    db.read(h -> {
      h.begin(); // one snapshot; also lets PostgreSQL stream with a cursor
      try {
        XMLStreamWriter w = new com.ctc.wstx.stax.WstxOutputFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("disqus");
        w.writeDefaultNamespace(NS);
        w.writeNamespace("dsq", DSQ);
        w.writeCharacters("\n");
        threads(h, w, siteId);
        posts(h, w, siteId);
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.close();
      } catch (XMLStreamException e) {
        throw new IllegalStateException("Cannot write the export: " + e.getMessage(), e);
      } finally {
        h.rollback();
      }
      return null;
    });
  }

  private static void threads(Handle h, XMLStreamWriter w, String siteId) {
    h.createQuery("SELECT * FROM threads WHERE site_id = :site ORDER BY id").bind("site", siteId).setFetchSize(1000)
        .mapToMap().stream().forEach(t -> write(() -> {
          w.writeStartElement("thread");
          w.writeAttribute("dsq", DSQ, "id", t.get("id").toString());
          element(w, "id", (String) t.get("page_key"));
          element(w, "forum", siteId);
          element(w, "link", t.get("url") == null ? "" : (String) t.get("url"));
          element(w, "title", t.get("title") == null ? "" : (String) t.get("title"));
          element(w, "createdAt", iso(t.get("created_at")));
          element(w, "isClosed", String.valueOf(isTrue(t.get("closed"))));
          element(w, "isDeleted", "false");
          w.writeEndElement();
          w.writeCharacters("\n");
        }));
  }

  private static void posts(Handle h, XMLStreamWriter w, String siteId) {
    h.createQuery("""
            SELECT c.* FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :site
            ORDER BY c.depth, c.id""")
        .bind("site", siteId).setFetchSize(1000)
        .mapToMap().stream().forEach(c -> write(() -> {
          String state = (String) c.get("state");
          w.writeStartElement("post");
          w.writeAttribute("dsq", DSQ, "id", c.get("id").toString());
          element(w, "id", c.get("source_id") == null ? "" : (String) c.get("source_id"));
          w.writeStartElement("message");
          cdata(w, (String) c.get("body_html"));
          w.writeEndElement();
          element(w, "createdAt", iso(c.get("created_at")));
          element(w, "isDeleted", String.valueOf(state.equals("deleted")));
          element(w, "isSpam", String.valueOf(state.equals("rejected")));
          element(w, "isApproved", String.valueOf(!state.equals("pending")));
          w.writeStartElement("author");
          String email = (String) c.get("author_email");
          String username = (String) c.get("author_username");
          if (email != null) element(w, "email", email);
          element(w, "name", (String) c.get("author_name"));
          element(w, "isAnonymous", String.valueOf(email == null && username == null));
          if (username != null) element(w, "username", username);
          w.writeEndElement();
          w.writeEmptyElement("thread");
          w.writeAttribute("dsq", DSQ, "id", c.get("thread_id").toString());
          if (c.get("parent_id") != null) {
            w.writeEmptyElement("parent");
            w.writeAttribute("dsq", DSQ, "id", c.get("parent_id").toString());
          }
          w.writeEndElement();
          w.writeCharacters("\n");
        }));
  }

  private interface XmlWrite {
    void run() throws XMLStreamException;
  }

  private static void write(XmlWrite action) {
    try {
      action.run();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the export: " + e.getMessage(), e);
    }
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  /** CDATA cannot hold "]]>": split it across two sections. */
  private static void cdata(XMLStreamWriter w, String text) throws XMLStreamException {
    int from = 0;
    int at;
    while ((at = text.indexOf("]]>", from)) >= 0) {
      w.writeCData(text.substring(from, at + 2));
      from = at + 2;
    }
    w.writeCData(text.substring(from));
  }

  private static String iso(Object millis) {
    return Instant.ofEpochMilli(((Number) millis).longValue()).toString();
  }

  private static boolean isTrue(Object v) {
    return v instanceof Boolean b ? b : v != null && ((Number) v).longValue() != 0;
  }
}
