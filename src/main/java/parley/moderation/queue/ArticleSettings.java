package parley.moderation.queue;

import java.util.Map;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.moderation.queue.AuditStore.NewEntry;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.store.Database;
import parley.thread.CommentThread;
import parley.thread.ThreadSettings;
import parley.thread.ThreadStore;

/** Moderators' per-article settings; a change and its audit entry (before and after) commit together. Thread-safe. */
public final class ArticleSettings {
  private final Database db;
  private final ThreadStore threads;
  private final AuditStore audit;

  public ArticleSettings(Database db, ThreadStore threads, AuditStore audit) {
    this.db = db;
    this.threads = threads;
    this.audit = audit;
  }

  /**
   * What a moderator asks for; {@code closeAfterDays} counts from the thread's creation, so "close after 14 days"
   * means the same on an old article as on a new one. At most one of it and {@code closesAt} is given.
   */
  public record Change(boolean premoderate, String notice, java.time.Instant closesAt, Integer closeAfterDays) {}

  public ThreadSettings get(String siteId, long threadId) {
    return thread(siteId, threadId).settings();
  }

  public ThreadSettings set(String siteId, long threadId, Change change, Actor actor) {
    CommentThread t = thread(siteId, threadId);
    ThreadSettings next = new ThreadSettings(change.premoderate(), notice(change.notice()),
        change.closeAfterDays() == null ? change.closesAt()
            : t.createdAt().plus(java.time.Duration.ofDays(change.closeAfterDays())));
    db.write(h -> {
      if (!threads.setSettings(h, siteId, threadId, next)) throw new ApiException(ErrorCode.THREAD_NOT_FOUND);
      return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), AuditAction.THREAD_SETTINGS, null,
          json(t.settings()), json(next), "thread " + threadId));
    });
    return next;
  }

  private CommentThread thread(String siteId, long threadId) {
    return threads.find(threadId).filter(t -> t.siteId().equals(siteId))
        .orElseThrow(() -> new ApiException(ErrorCode.THREAD_NOT_FOUND));
  }

  private static String notice(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String text = raw.strip();
    if (text.length() > ThreadSettings.MAX_NOTICE_CHARS) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED,
          "'notice' is at most " + ThreadSettings.MAX_NOTICE_CHARS + " characters.");
    }
    return text;
  }

  static Map<String, Object> json(ThreadSettings s) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("premoderate", s.premoderate());
    out.put("notice", s.notice());
    out.put("closesAt", s.closesAt());
    return out;
  }
}
