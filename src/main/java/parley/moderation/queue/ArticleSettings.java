package parley.moderation.queue;

import java.util.Map;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.moderation.queue.AuditStore.NewEntry;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.store.Database;
import parley.thread.ArticleDefaults;
import parley.thread.ArticleDefaultsStore;
import parley.thread.CommentThread;
import parley.thread.SettingsInForce;
import parley.thread.ThreadSettings;
import parley.thread.ThreadStore;
import parley.thread.Toggle;

/** Moderators' per-article settings; a change and its audit entry (before and after) commit together. Thread-safe. */
public final class ArticleSettings {
  private final Database db;
  private final ThreadStore threads;
  private final AuditStore audit;
  private final ArticleDefaultsStore defaults;

  public ArticleSettings(Database db, ThreadStore threads, AuditStore audit) {
    this.db = db;
    this.threads = threads;
    this.audit = audit;
    this.defaults = new ArticleDefaultsStore(db);
  }

  /**
   * What a moderator asks for; {@code closeAfterDays} counts from the thread's creation, so "close after 14 days"
   * means the same on an old article as on a new one. At most one of it, {@code closesAt} and {@code keepOpen} is given.
   */
  public record Change(Toggle premoderate, String notice, java.time.Instant closesAt, Integer closeAfterDays,
      boolean keepOpen, Toggle qa) {}

  /** The article's own settings, the site's defaults and what is in force. */
  public CommentThread get(String siteId, long threadId) {
    return thread(siteId, threadId);
  }

  public ArticleDefaults defaults(String siteId) {
    return defaults.get(siteId);
  }

  /** Replaces the site's defaults; every article that sets nothing itself follows at once. */
  public ArticleDefaults setDefaults(String siteId, ArticleDefaults next, Actor actor) {
    ArticleDefaults checked =
        new ArticleDefaults(next.premoderate(), next.closeAfterDays(), notice(next.notice()), next.qa());
    ArticleDefaults before = defaults.get(siteId);
    db.write(h -> {
      defaults.put(h, siteId, checked);
      return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), AuditAction.ARTICLE_DEFAULTS, null,
          json(before), json(checked), "site defaults"));
    });
    return checked;
  }

  /** Replaces the article's own settings; answers the thread as re-read, with what is now in force. */
  public CommentThread set(String siteId, long threadId, Change change, Actor actor) {
    CommentThread t = thread(siteId, threadId);
    java.time.Instant closesAt = change.closeAfterDays() == null ? change.closesAt()
        : t.createdAt().plus(java.time.Duration.ofDays(change.closeAfterDays()));
    if (change.keepOpen() && closesAt != null) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "An article that stays open has no closing time.");
    }
    ThreadSettings next = new ThreadSettings(change.premoderate(), notice(change.notice()), closesAt,
        change.keepOpen(), change.qa());
    db.write(h -> {
      if (!threads.setSettings(h, siteId, threadId, next)) throw new ApiException(ErrorCode.THREAD_NOT_FOUND);
      return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), AuditAction.THREAD_SETTINGS, null,
          json(t.settings()), json(next), "thread " + threadId));
    });
    return thread(siteId, threadId);
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

  static Map<String, Object> json(ArticleDefaults d) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("premoderate", d.premoderate());
    out.put("closeAfterDays", d.closeAfterDays());
    out.put("notice", d.notice());
    out.put("qa", d.qa());
    return out;
  }

  /** The article's own settings as before, plus {@code effective} (what is in force) and where each value came from. */
  static Map<String, Object> json(CommentThread t) {
    Map<String, Object> out = json(t.settings());
    ArticleDefaults.Sources from = t.defaults().sources(t.settings());
    Map<String, Object> effective = json(t.effective());
    effective.put("sources", Map.of("premoderate", from.premoderate().key(), "notice", from.notice().key(),
        "closesAt", from.closesAt().key(), "qa", from.qa().key()));
    out.put("effective", effective);
    out.put("siteDefaults", json(t.defaults()));
    return out;
  }

  /** The article's own settings: {@code premoderate} and {@code qa} are true, false or null (as the site). */
  static Map<String, Object> json(ThreadSettings s) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("premoderate", s.premoderate().json());
    out.put("notice", s.notice());
    out.put("closesAt", s.closesAt());
    out.put("keepOpen", s.keepOpen());
    out.put("qa", s.qa().json());
    return out;
  }

  static Map<String, Object> json(SettingsInForce s) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("premoderate", s.premoderate());
    out.put("notice", s.notice());
    out.put("closesAt", s.closesAt());
    out.put("qa", s.qa());
    return out;
  }
}
