package parley.importing.wordpress;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Streams a WordPress export (WXR: RSS with {@code <item>} posts carrying {@code wp:comment} children) into a sink.
 * An item becomes a thread when it has comments; each comment is read and passed on before the next, so memory stays
 * constant. Pingbacks, trackbacks and plugins' notes (any {@code comment_type} but none, {@code comment} and
 * WooCommerce's {@code review}: order notes hold customers' addresses) are skipped and counted. Not thread-safe.
 */
public final class WxrReader {
  public static final String FORMAT = parley.importing.Imports.Format.WORDPRESS.key(); // the one spelling: Imports.Format

  private final PageKey pageKey;
  private final long now = System.currentTimeMillis();
  private ImportSink sink;
  private static final java.util.Set<String> READER_TYPES = java.util.Set.of("", "comment", "review");

  private long skipped;
  private long localOffset;
  private final Map<String, Integer> notes = new java.util.TreeMap<>();
  private String record;

  public WxrReader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  public void read(InputStream in, ImportSink sink) {
    record = null;
    skipped = 0;
    notes.clear();
    this.sink = sink;
    XMLStreamReader r = null;
    try {
      r = XmlInput.open(in);
      r.nextTag();
      if (!r.getLocalName().equals("rss")) {
        throw new ImportException("not a WordPress export: the root element is <" + r.getLocalName() + ">",
            XmlInput.location(r), null);
      }
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("item")) {
          Location at = XmlInput.location(r);
          record = "<item> starting at " + at;
          item(r, at, record, sink);
          record = null;
        }
      }
    } catch (XMLStreamException e) {
      throw XmlInput.malformed(e, record, r);
    } catch (com.ctc.wstx.exc.WstxLazyException e) { // met while reading text, e.g. a file cut inside CDATA
      throw XmlInput.malformed(e, record, r);
    }
    if (skipped > 0) sink.warning("skipped " + skipped + " pingbacks and trackbacks");
    notes.forEach((type, n) -> sink.warning("skipped " + n + " comments of type \"" + type + "\": plugins' notes "
        + "(WooCommerce order notes, logs), not readers' comments, and possibly private"));
  }

  /**
   * Reads one item. Its fields and comments may come in any order (WXR 1.0 files put {@code <wp:comment>} before
   * {@code <wp:post_id>}), so its comments are kept until the item ends: memory is one item, not the file.
   */
  private void item(XMLStreamReader r, Location itemAt, String itemRecord, ImportSink sink) throws XMLStreamException {
    String title = null, link = null, postId = null, date = null, localDate = null, status = null;
    List<Map.Entry<Location, Map<String, String>>> comments = new ArrayList<>();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) break;
      if (event != XMLStreamConstants.START_ELEMENT) continue;
      String name = r.getLocalName();
      boolean wp = isWordPress(r);
      if (wp && name.equals("comment")) {
        Location at = XmlInput.location(r);
        record = "<wp:comment> starting at " + at + " in " + itemRecord;
        comments.add(Map.entry(at, XmlInput.readFlat(r)));
        record = itemRecord;
      } else if (!wp && (name.equals("title") || name.equals("link"))) {
        String text = r.getElementText();
        if (name.equals("title")) title = text; else link = text;
      } else if (wp && (name.equals("post_id") || name.equals("post_date_gmt") || name.equals("post_date")
          || name.equals("comment_status"))) {
        String text = r.getElementText().strip();
        switch (name) {
          case "post_id" -> postId = text;
          case "post_date_gmt" -> date = text.startsWith("0000") ? null : text;
          case "post_date" -> localDate = text.startsWith("0000") ? null : text;
          default -> status = text;
        }
      } else {
        XmlInput.skip(r);
      }
    }
    if (comments.isEmpty()) return;
    localOffset = offset(localDate, date);
    if (blank(postId)) {
      sink.warning(itemAt + ": " + itemRecord + " has comments but no <wp:post_id>: its " + comments.size()
          + " comments are skipped");
      comments.forEach(c -> sink.skipped(ImportSink.Skip.NO_ID));
      return;
    }
    if (comments.stream().noneMatch(c -> READER_TYPES.contains(c.getValue().getOrDefault("comment_type", "").strip()))) {
      for (var c : comments) comment(c.getValue(), postId, c.getKey(), itemRecord, sink); // counted as skipped
      return; // pingbacks and order notes alone make no thread (a shop order's title names its customer's order)
    }
    String url = SafeUrl.check(link, sink, itemAt, itemRecord);
    Map.Entry<Location, Map<String, String>> first = comments.get(0);
    long created = date == null ? time(first.getValue(), first.getKey(), itemRecord) : XmlInput.time(date);
    sink.thread(new ImportedThread(postId, pageKey.choose(url, postId, FORMAT + "-post-" + postId), url,
        HtmlBody.title(title), "closed".equals(status), created, itemAt));
    for (Map.Entry<Location, Map<String, String>> c : comments) {
      Map<String, String> f = c.getValue();
      String record = "<wp:comment> " + f.getOrDefault("comment_id", "?") + " starting at " + c.getKey();
      comment(f, postId, c.getKey(), record, sink);
    }
  }

  private void comment(Map<String, String> f, String postId, Location at, String record, ImportSink sink) {
    String type = f.getOrDefault("comment_type", "").strip();
    if (!READER_TYPES.contains(type)) {
      if (type.equals("pingback") || type.equals("trackback")) skipped++;
      else notes.merge(type, 1, Integer::sum);
      sink.skipped(ImportSink.Skip.PINGBACK);
      return;
    }
    String id = f.get("comment_id");
    if (blank(id)) {
      sink.warning(at + ": " + record + " has no <wp:comment_id>: skipped");
      sink.skipped(ImportSink.Skip.NO_ID);
      return;
    }
    String parent = f.getOrDefault("comment_parent", "0").strip();
    sink.post(new ImportedPost(id.strip(), postId, parent.isEmpty() || parent.equals("0") ? null : parent,
        f.get("comment_author"), f.get("comment_author_email"), null, time(f, at, record),
        f.getOrDefault("comment_content", ""), ImportedPost.BodyFormat.AUTO_PARAGRAPHS,
        state(f.getOrDefault("comment_approved", "1"), at, record, sink), at));
  }

  private static CommentState state(String approved, Location at, String record, ImportSink sink) {
    return switch (approved.strip().toLowerCase(Locale.ROOT)) {
      case "1", "approve", "approved" -> CommentState.PUBLISHED;
      case "0", "hold" -> CommentState.PENDING;
      case "spam" -> CommentState.REJECTED;
      case "trash", "post-trashed" -> CommentState.DELETED;
      default -> {
        sink.warning(at + ": unknown <wp:comment_approved> '" + approved + "' in " + record + ": held as pending");
        yield CommentState.PENDING;
      }
    };
  }

  /** {@code comment_date_gmt}, else {@code comment_date} (taken as UTC), else the time of the import. */
  /** The site's offset from UTC when the post was written, from its local and GMT dates; 0 when either is missing. */
  private static long offset(String local, String gmt) {
    if (blank(local) || blank(gmt)) return 0;
    try {
      return XmlInput.time(local) - XmlInput.time(gmt);
    } catch (java.time.DateTimeException e) {
      return 0;
    }
  }

  private long time(Map<String, String> f, Location at, String record) {
    String gmt = f.get("comment_date_gmt");
    boolean local = blank(gmt) || gmt.strip().startsWith("0000");
    String text = local ? f.get("comment_date") : gmt;
    if (blank(text) || text.strip().startsWith("0000")) {
      sink.warning(at + ": " + record + " has no <wp:comment_date_gmt> nor <wp:comment_date>: dated at the time of "
          + "the import");
      return now;
    }
    try {
      // a local comment_date is the site's time: its post's two dates give the offset (else it is taken as UTC)
      return XmlInput.time(text) - (local ? localOffset : 0);
    } catch (java.time.DateTimeException e) {
      throw new ImportException("<wp:comment_date_gmt> is not a time: '" + text.strip() + "'", at, record);
    }
  }

  private static boolean isWordPress(XMLStreamReader r) {
    String ns = r.getNamespaceURI();
    return ns != null && ns.contains("wordpress.org/export");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
