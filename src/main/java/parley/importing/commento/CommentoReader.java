package parley.importing.commento;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import parley.comment.CommentState;
import parley.importing.ImportException;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.Location;
import parley.importing.PageKey;
import parley.importing.SafeUrl;
import parley.importing.XmlInput;

/**
 * Reads a Commento export ({@code {"version":1,"comments":[…],"commenters":[…]}}, what Commento's "Export data" and
 * its API write, and Comentario 2's export in the same shape) and hands Comentario 3's own export ({@code "version":3},
 * {@link ComentarioReader}) on; either may be gzip-compressed, as both systems' export downloads are (Imports gunzips
 * every format). The commenters come after the comments that name them, so the file is read whole (exports are of
 * one site; a large one of 100,000 comments is some tens of MB). A thread is the comment's {@code url} (Commento) or
 * {@code path} (Comentario 2) on its {@code domain} ({@code host}); {@code markdown} is the body; {@code parentHex} "root" means top-level; states approved
 * → published, unapproved and flagged (Akismet) → held; {@code score} → vote count. Not thread-safe.
 */
public final class CommentoReader {
  public static final String FORMAT = parley.importing.Imports.Format.COMMENTO.key(); // the one spelling: Imports.Format
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PageKey pageKey;

  public CommentoReader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  public void read(InputStream in, ImportSink sink) {
    JsonNode root = parse(in);
    int version = root == null || !root.isObject() ? -1 : root.path("version").asInt(1);
    if (version == 3) {
      new ComentarioReader(pageKey).read(root, sink);
      return;
    }
    if (version != 1 || !root.path("comments").isArray()) {
      throw new ImportException(version > 0 && version != 1
          ? "unknown Commento/Comentario export version " + version + " (Parley reads 1 and 3)"
          : "not a Commento or Comentario export: no \"comments\" array", new Location(1, 1), null);
    }
    Map<String, JsonNode> commenters = new HashMap<>();
    root.path("commenters").forEach(c -> commenters.put(c.path("commenterHex").asText(), c));
    Set<String> threads = new HashSet<>();
    int n = 0;
    for (JsonNode c : root.path("comments")) {
      String record = "comments[" + n++ + "]";
      comment(c, record, commenters, threads, sink);
    }
  }

  /** The whole document (already gunzipped by Imports, as every format is). */
  static JsonNode parse(InputStream in) {
    try {
      return MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new ImportException("malformed JSON: " + e.getOriginalMessage(),
          loc == null ? null : new Location(loc.getLineNr(), loc.getColumnNr()), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page's link: Commento keys a page by its path ({@code /2024/01/post}), or by the page's {@code data-page-id},
   * which may be a whole URL or any word ({@code post-42}): that stays the key as given, with no link.
   */
  static String link(String domain, String path) {
    if (path == null) return null;
    if (path.regionMatches(true, 0, "http://", 0, 7) || path.regionMatches(true, 0, "https://", 0, 8)) {
      return SafeUrl.httpOrNull(path);
    }
    return domain == null || !path.startsWith("/") ? null : SafeUrl.httpOrNull("https://" + domain + path);
  }

  private void comment(JsonNode c, String record, Map<String, JsonNode> commenters, Set<String> threads,
      ImportSink sink) {
    String id = text(c.get("commentHex"));
    if (id == null) {
      sink.warning(record + " has no \"commentHex\": skipped");
      sink.skipped(ImportSink.Skip.NO_ID);
      return;
    }
    String path = text(c.get("path")) != null ? text(c.get("path")) : text(c.get("url"));
    String threadId = path == null ? "none" : path;
    long created = time(c, record, sink);
    if (threads.add(threadId)) {
      String domain = text(c.get("host")) != null ? text(c.get("host")) : text(c.get("domain"));
      String link = link(domain, path);
      sink.thread(new ImportedThread(threadId, pageKey.choose(link, path, FORMAT + "-thread-" + threadId), link, null,
          false, created, null));
    }
    JsonNode who = commenters.get(c.path("commenterHex").asText());
    String parent = text(c.get("parentHex"));
    int score = c.path("score").asInt(0);
    // Commento 1.8 exports no "deleted" column: a comment deleted under replies stays as "[deleted]" by "anonymous"
    boolean placeholder = "[deleted]".equals(c.path("markdown").asText("").strip())
        && "anonymous".equals(c.path("commenterHex").asText());
    CommentState state = c.path("deleted").asBoolean(false) || placeholder ? CommentState.DELETED
        : "approved".equals(c.path("state").asText("approved")) ? CommentState.PUBLISHED : CommentState.PENDING;
    sink.post(new ImportedPost(id, threadId, parent == null || parent.equals("root") ? null : parent,
        who == null ? null : text(who.get("name")), who == null ? null : text(who.get("email")), null, created,
        c.path("markdown").asText(""), ImportedPost.BodyFormat.MARKDOWN, state, null, Math.max(score, 0),
        Math.max(-score, 0)));
  }

  private static long time(JsonNode c, String record, ImportSink sink) {
    return time(c, "creationDate", record, sink);
  }

  /** An RFC 3339 field; a missing one is the time of the import, with a warning. */
  static long time(JsonNode c, String field, String record, ImportSink sink) {
    String t = text(c.get(field));
    if (t == null) {
      sink.warning(record + " has no \"" + field + "\": dated at the time of the import");
      return System.currentTimeMillis();
    }
    try {
      return XmlInput.time(t);
    } catch (DateTimeParseException e) {
      throw new ImportException("\"" + field + "\" is not an RFC 3339 time: '" + t + "'", null, record);
    }
  }

  static String text(JsonNode v) {
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }
}
