package parley.importing.remark42;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
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
 * Streams a Remark42 backup (what {@code remark42 backup} and its automatic backups write: a meta object
 * {@code {"version":1,"users":[…],"posts":[{"url","read_only"}…]}} on the first line, then one comment object per
 * line) into a sink. A thread is its {@code locator.url}; {@code text} is the rendered HTML; {@code user.id} is kept
 * as the username; remark42 stores no emails, and its hashed IPs are dropped. A blocked user's comments, which
 * Remark42 hides from readers, come in rejected. Gzipped backups are read as they are (Imports). Not thread-safe.
 */
public final class Remark42Reader {
  public static final String FORMAT = parley.importing.Imports.Format.REMARK42.key(); // the one spelling: Imports.Format
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final PageKey pageKey;

  public Remark42Reader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  public void read(InputStream in, ImportSink sink) {
    String record = "the meta record";
    try (JsonParser p = new JsonFactory().createParser(in)) {
      p.setCodec(MAPPER);
      if (p.nextToken() != JsonToken.START_OBJECT) throw error(p, "not a Remark42 backup: it must start with {", null);
      Location metaAt = location(p);
      JsonNode meta = p.readValueAsTree();
      if (!meta.has("version") && !meta.has("posts")) {
        throw new ImportException("not a Remark42 backup: the first record has no \"version\"", metaAt, record);
      }
      Set<String> readOnly = new HashSet<>();
      meta.path("posts").forEach(post -> {
        if (post.path("read_only").asBoolean(false)) readOnly.add(post.path("url").asText());
      });
      Set<String> threads = new HashSet<>();
      long n = 0;
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Location at = location(p);
        record = "comment " + (++n) + " starting at " + at;
        JsonNode c = p.readValueAsTree();
        comment(c, at, record, readOnly, threads, sink);
      }
      if (p.currentToken() != null) throw error(p, "expected one comment object per line", record);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new ImportException("malformed JSON: " + e.getOriginalMessage(),
          loc == null ? null : new Location(loc.getLineNr(), loc.getColumnNr()), record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void comment(JsonNode c, Location at, String record, Set<String> readOnly, Set<String> threads,
      ImportSink sink) {
    String id = text(c.get("id"));
    if (id == null) {
      sink.warning(at + ": " + record + " has no \"id\": skipped");
      sink.skipped(ImportSink.Skip.NO_ID);
      return;
    }
    String url = text(c.path("locator").get("url"));
    String threadId = url == null ? "none" : url;
    long created = time(c, at, record, sink);
    if (threads.add(threadId)) {
      String link = SafeUrl.check(url, sink, at, record);
      sink.thread(new ImportedThread(threadId, pageKey.choose(link, null, FORMAT + "-thread-" + threadId), link,
          text(c.get("title")), readOnly.contains(url), created, at));
    }
    JsonNode user = c.path("user");
    // Remark42 hides every comment of a blocked user from readers: kept for the moderators, not published
    CommentState state = c.path("delete").asBoolean(false) ? CommentState.DELETED
        : c.path("user").path("block").asBoolean(false) ? CommentState.REJECTED : CommentState.PUBLISHED;
    sink.post(new ImportedPost(id, threadId, text(c.get("pid")), text(user.get("name")), null,
        text(user.get("id")), created, c.path("text").asText(""), ImportedPost.BodyFormat.HTML, state, at));
  }

  /** RFC 3339 {@code time}; a missing one is the time of the import, with a warning. */
  private static long time(JsonNode c, Location at, String record, ImportSink sink) {
    String t = text(c.get("time"));
    if (t == null) {
      sink.warning(at + ": " + record + " has no \"time\": dated at the time of the import");
      return System.currentTimeMillis();
    }
    try {
      return XmlInput.time(t);
    } catch (DateTimeParseException e) {
      throw new ImportException("\"time\" is not an RFC 3339 time: '" + t + "'", at, record);
    }
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static Location location(JsonParser p) {
    var loc = p.currentTokenLocation();
    return new Location(loc.getLineNr(), loc.getColumnNr());
  }

  private static ImportException error(JsonParser p, String message, String record) {
    return new ImportException(message, location(p), record);
  }
}
