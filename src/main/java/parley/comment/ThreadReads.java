package parley.comment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.comment.CommentService.ThreadPage;
import parley.thread.CommentThread;
import parley.kit.HttpCaching;
import parley.kit.Json;

/**
 * Thread pages as JSON, from {@link ThreadPageCache} when the reader's page is the shared one. Per reader, the page
 * differs only for someone who wrote or voted in the thread (their held comments appear and shift the page, and
 * {@code mine}, {@code myVote} and their markdown are set); those few get a page rendered for them, never cached,
 * and everybody else, browser id or not, gets the shared bytes. One indexed lookup (the thread row with its version)
 * per read, plus one for a reader with a browser id; nothing else until the thread changes. Thread-safe.
 */
public final class ThreadReads {
  private final CommentService comments;
  private final ThreadPageCache cache;

  public ThreadReads(CommentService comments, ThreadPageCache cache) {
    this.comments = comments;
    this.cache = cache;
  }

  /** The page as {@code clientId}'s browser (null: anonymous) sees it; errors as {@link CommentService#page}. */
  public ThreadPageCache.Page read(String siteId, String pageKey, Sort sort, String cursor, int limit,
      String clientId) {
    CommentThread thread = comments.threadFor(siteId, pageKey).orElse(null);
    if (thread == null) return render(new ThreadPage(null, 0, List.of(), null, sort), 0, 0, false);
    if (!comments.seesSharedPage(thread, clientId)) {
      return render(comments.page(thread, sort, cursor, limit, clientId), thread.id(), thread.version(), false);
    }
    var key = new ThreadPageCache.Key(thread.siteId(), thread.pageKey(), sort, cursor == null ? "" : cursor, limit);
    ThreadPageCache.Page cached = cache.current(key, thread);
    if (cached != null) return cached;
    // rendered from data at least as new as this version: a write in between makes the entry stale, never wrong
    ThreadPageCache.Page page =
        render(comments.page(thread, sort, cursor, limit, null), thread.id(), thread.version(), true);
    cache.put(key, page);
    return page;
  }

  /** {@code shared}: the page will be cached, so it is gzipped once here instead of per request by the server. */
  private static ThreadPageCache.Page render(ThreadPage page, long threadId, long version, boolean shared) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("thread", page.thread() == null ? null : CommentHandlers.threadJson(page.thread(), page.commentCount()));
    out.put("comments", page.comments());
    out.put("nextCursor", page.nextCursor());
    out.put("sort", page.sort().key());
    byte[] json;
    try {
      json = Json.MAPPER.writeValueAsBytes(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new ThreadPageCache.Page(json, shared ? HttpCaching.gzip(json) : null, HttpCaching.etag(json), threadId,
        version);
  }
}
