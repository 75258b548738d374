package parley.moderation.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import parley.comment.CommentStore;
import parley.kit.ApiException;
import parley.live.EventLog;
import parley.kit.ErrorCode;
import parley.moderation.queue.AuditStore.NewEntry;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.notify.NotifyService;
import parley.site.Site;
import parley.site.SiteService;
import parley.store.Database;
import parley.thread.CommentThread;
import parley.thread.ThreadKey;
import parley.thread.ThreadStore;

/**
 * An admin moves an article's thread to a new URL or key: re-pointed when no thread has that key yet, merged into the
 * thread that does. Everything that references the thread follows in one transaction with its audit entry, and the
 * old key becomes an alias, so old links and cached widgets keep finding the discussion. Each feature moves its own
 * rows (comments, thread keys and sources, subscriptions, live events) through its store. Thread-safe.
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
    threads.rekey(h, from, key);
    follow(h, from, from.id(), key);
    return new Moved(from.id(), key, false, null);
  }

  private Moved merge(Handle h, CommentThread from, CommentThread into) {
    CommentStore.moveThread(h, from.id(), into.id());
    threads.moveSources(h, from.id(), into.id());
    NotifyService.moveThread(h, from.id(), into.id());
    follow(h, from, into.id(), into.pageKey());
    threads.delete(h, from.id());
    return new Moved(into.id(), into.pageKey(), true, null);
  }

  /** The old key and the thread's older aliases point at the thread's new home; live events follow the key. */
  private void follow(Handle h, CommentThread from, long toId, String toKey) {
    threads.alias(h, from, toId, clock.instant());
    EventLog.renamePage(h, from.siteId(), from.pageKey(), toKey);
  }

  private static Map<String, Object> json(long threadId, String pageKey) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threadId", threadId);
    m.put("pageKey", pageKey);
    return m;
  }
}
