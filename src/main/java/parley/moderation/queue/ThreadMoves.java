package parley.moderation.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.moderation.queue.AuditStore.NewEntry;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.site.Site;
import parley.site.SiteService;
import parley.store.Database;
import parley.thread.CommentThread;
import parley.thread.ThreadKey;
import parley.thread.ThreadStore;

/**
 * An admin moves an article's thread to a new URL or key: re-pointed when no thread has that key yet, merged into the
 * thread that does. Everything that references the thread follows in one transaction with its audit entry, and the
 * old key becomes an alias, so old links and cached widgets keep finding the discussion. Thread-safe.
 */
public final class ThreadMoves {
  static final int MAX_PAGE_KEY = 512; // as CommentFields
  private final Database db;
  private final ThreadStore threads;
  private final SiteService sites;
  private final AuditStore audit;
  private final java.time.Clock clock;

  public ThreadMoves(Database db, ThreadStore threads, SiteService sites, AuditStore audit, java.time.Clock clock) {
    this.db = db;
    this.threads = threads;
    this.sites = sites;
    this.audit = audit;
    this.clock = clock;
  }

  /** What happened: the thread that now holds the discussion, under which key, and whether two were merged. */
  public record Moved(long threadId, String pageKey, boolean merged, Long auditId) {}

  /** The dashboard's form names the thread by its page (URL or id) rather than by id; bad keys are VALIDATION_FAILED. */
  public Moved moveByKey(String siteId, String fromRaw, String toRaw, Actor actor) {
    Site site = sites.find(siteId).orElseThrow(() -> new ApiException(ErrorCode.SITE_NOT_FOUND));
    CommentThread from = threads.find(siteId, ThreadKey.of(key(fromRaw, "from"), site.pageParams()))
        .orElseThrow(() -> new ApiException(ErrorCode.THREAD_NOT_FOUND, "No thread under that page."));
    return move(siteId, from.id(), key(toRaw, "to"), actor);
  }

  /** A page key as an admin typed it: one line, required, at most {@link #MAX_PAGE_KEY} characters. */
  public static String key(String raw, String field) {
    String key = parley.comment.TextInput.line(raw);
    if (key == null || key.isBlank()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + field + "' is required.");
    if (key.length() > MAX_PAGE_KEY) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + field + "' is longer than " + MAX_PAGE_KEY + " characters.");
    }
    return key.strip();
  }

  public Moved move(String siteId, long threadId, String rawKey, Actor actor) {
    Site site = sites.find(siteId).orElseThrow(() -> new ApiException(ErrorCode.SITE_NOT_FOUND));
    ThreadKey to = ThreadKey.of(rawKey, site.pageParams());
    return db.write(h -> {
      CommentThread from = threads.find(h, threadId).filter(t -> t.siteId().equals(siteId))
          .orElseThrow(() -> new ApiException(ErrorCode.THREAD_NOT_FOUND));
      if (from.pageKey().equals(to.key())) throw new ApiException(ErrorCode.THREAD_MOVE_TO_ITSELF);
      // the thread's own alias (moving back to an old key) is no other thread: that is a re-point
      Optional<CommentThread> existing = threads.find(h, siteId, to).filter(t -> t.id() != from.id());
      Moved moved = existing.isPresent() ? merge(h, from, existing.get()) : repoint(h, from, to.key());
      long auditId = audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), AuditAction.THREAD_MOVED, null,
          json(from.id(), from.pageKey()), json(moved.threadId(), moved.pageKey()),
          (moved.merged() ? "merged thread " : "moved thread ") + from.id()));
      return new Moved(moved.threadId(), moved.pageKey(), moved.merged(), auditId);
    });
  }

  private Moved repoint(Handle h, CommentThread from, String key) {
    h.createUpdate("DELETE FROM thread_aliases WHERE site_id = :site AND page_key = :key") // a key reused for real
        .bind("site", from.siteId()).bind("key", key).execute();
    h.createUpdate("UPDATE threads SET page_key = :key WHERE id = :id").bind("key", key).bind("id", from.id()).execute();
    follow(h, from, from.id(), key);
    return new Moved(from.id(), key, false, null);
  }

  private Moved merge(Handle h, CommentThread from, CommentThread into) {
    bind(h, "UPDATE comments SET thread_id = :into WHERE thread_id = :from", from, into);
    bind(h, "UPDATE thread_sources SET thread_id = :into WHERE thread_id = :from", from, into);
    // a reader subscribed to both threads keeps the one subscription the unique index allows
    bind(h, """
        DELETE FROM reply_subscriptions WHERE thread_id = :from AND EXISTS (SELECT 1 FROM reply_subscriptions s
          WHERE s.thread_id = :into AND s.site_id = reply_subscriptions.site_id AND s.email = reply_subscriptions.email)""",
        from, into);
    bind(h, "UPDATE reply_subscriptions SET thread_id = :into WHERE thread_id = :from", from, into);
    follow(h, from, into.id(), into.pageKey());
    bind(h, "DELETE FROM threads WHERE id = :from", from, into);
    return new Moved(into.id(), into.pageKey(), true, null);
  }

  /** The old key and the thread's older aliases point at the thread's new home; live events follow the key. */
  private void follow(Handle h, CommentThread from, long toId, String toKey) {
    h.createUpdate("UPDATE thread_aliases SET thread_id = :to WHERE thread_id = :from")
        .bind("to", toId).bind("from", from.id()).execute();
    h.createUpdate("INSERT INTO thread_aliases (site_id, page_key, thread_id, created_at) VALUES (:site, :key, :to, :now)")
        .bind("site", from.siteId()).bind("key", from.pageKey()).bind("to", toId).bind("now", clock.millis()).execute();
    h.createUpdate("UPDATE live_events SET page_key = :to WHERE site_id = :site AND page_key = :from")
        .bind("to", toKey).bind("site", from.siteId()).bind("from", from.pageKey()).execute();
  }

  private static void bind(Handle h, String sql, CommentThread from, CommentThread into) {
    h.createUpdate(sql).bind("from", from.id()).bind("into", into.id()).execute();
  }

  private static Map<String, Object> json(long threadId, String pageKey) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threadId", threadId);
    m.put("pageKey", pageKey);
    return m;
  }
}
