package parley.importing.commento;

import static parley.importing.commento.CommentoReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import parley.comment.CommentState;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.PageKey;
import parley.importing.SafeUrl;

/**
 * Reads Comentario's own export, version 3 ({@code {"version":3,"pages":[…],"comments":[…],"commenters":[…]}}, the
 * {@code comentarioExportV3} its "Export" writes, gzipped), already parsed. Ids are UUIDs. A page is a thread: its
 * {@code path} is the page key, {@code isReadonly} closes it; the host is only in each comment's {@code url} (page URL
 * plus {@code #comentario-<id>}), so the thread's link comes from its first comment. A comment's author is the
 * commenter named by {@code userCreated}, else its {@code authorName} (unregistered), else Anonymous. States:
 * deleted → deleted placeholder, approved → published, pending → held, neither (a moderator rejected it) →
 * rejected. {@code score} is the net vote count. IP addresses and countries are not imported. Not thread-safe.
 */
final class ComentarioReader {
  private static final String FORMAT = "comentario";
  private final PageKey pageKey;

  ComentarioReader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  void read(JsonNode root, ImportSink sink) {
    Map<String, JsonNode> commenters = new HashMap<>();
    root.path("commenters").forEach(c -> commenters.put(c.path("id").asText(), c));
    Map<String, String> links = new HashMap<>();
    root.path("comments").forEach(c -> {
      String url = text(c.get("url"));
      if (url != null) links.putIfAbsent(c.path("pageId").asText(), url.replaceFirst("#.*$", ""));
    });
    int n = 0;
    Set<String> pages = new HashSet<>();
    for (JsonNode page : root.path("pages")) {
      String record = "pages[" + n++ + "]";
      String id = text(page.get("id"));
      if (id == null || !pages.add(id)) continue;
      String path = text(page.get("path"));
      String link = SafeUrl.httpOrNull(links.get(id));
      long created = CommentoReader.time(page, "createdTime", record, sink);
      sink.thread(new ImportedThread(id, pageKey.choose(link, path, FORMAT + "-page-" + id), link,
          text(page.get("title")), page.path("isReadonly").asBoolean(false), created, null));
    }
    n = 0;
    for (JsonNode c : root.path("comments")) {
      comment(c, "comments[" + n++ + "]", commenters, sink);
    }
  }

  private static void comment(JsonNode c, String record, Map<String, JsonNode> commenters, ImportSink sink) {
    String id = text(c.get("id"));
    if (id == null) {
      sink.warning(record + " has no \"id\": skipped");
      sink.skipped(ImportSink.Skip.NO_ID);
      return;
    }
    String page = text(c.get("pageId"));
    JsonNode who = commenters.get(c.path("userCreated").asText());
    String name = who != null ? text(who.get("name")) : text(c.get("authorName"));
    int score = c.path("score").asInt(0);
    boolean deleted = c.path("isDeleted").asBoolean(false);
    CommentState state = deleted ? CommentState.DELETED
        : c.path("isApproved").asBoolean(false) ? CommentState.PUBLISHED
        : c.path("isPending").asBoolean(false) ? CommentState.PENDING : CommentState.REJECTED;
    sink.post(new ImportedPost(id, page == null ? "none" : page, text(c.get("parentId")), name,
        who == null ? null : text(who.get("email")), null, CommentoReader.time(c, "createdTime", record, sink),
        deleted ? "" : c.path("markdown").asText(""), ImportedPost.BodyFormat.MARKDOWN, state, null,
        Math.max(score, 0), Math.max(-score, 0)));
  }
}
