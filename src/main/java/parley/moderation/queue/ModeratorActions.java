package parley.moderation.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import parley.comment.CommentEvent;
import parley.comment.CommentEvents;
import parley.comment.CommentState;
import parley.moderation.BanScope;
import parley.moderation.BanStore;
import parley.moderation.queue.AuditStore.NewEntry;
import parley.store.Database;
import parley.thread.ThreadStore;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * What moderators do to comments: approve, reject, feature, ban the author, close a thread, undo. Each action and
 * its audit entry commit together; nothing is ever hard-deleted. Thread-safe.
 */
public final class ModeratorActions {
  public static final int MAX_BULK = 200;

  public enum Action {
    APPROVE, REJECT, FEATURE, UNFEATURE;

    public static Action parse(String key) {
      try {
        return valueOf(key.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "'action' is one of approve, reject, feature, unfeature.");
      }
    }

    ModState after(ModState s) {
      return switch (this) {
        case APPROVE -> new ModState(CommentState.PUBLISHED, s.featured(), false);
        case REJECT -> new ModState(CommentState.REJECTED, false, false);
        case FEATURE -> new ModState(CommentState.PUBLISHED, true, false);
        case UNFEATURE -> new ModState(s.state(), false, s.reportOpen());
      };
    }

    AuditAction audited() {
      return switch (this) {
        case APPROVE -> AuditAction.APPROVE;
        case REJECT -> AuditAction.REJECT;
        case FEATURE -> AuditAction.FEATURE;
        case UNFEATURE -> AuditAction.UNFEATURE;
      };
    }
  }

  /** The moderator acting, as the audit log names them. */
  public record Actor(long id, String name) {}

  private final Database db;
  private final QueueStore queue;
  private final AuditStore audit;
  private final BanStore bans;
  private final ThreadStore threads;
  private final CommentEvents events;
  private final Claims claims;

  /** With claims that last two minutes, on the system clock (tests and tools that act without a dashboard). */
  public ModeratorActions(Database db, QueueStore queue, AuditStore audit, BanStore bans, ThreadStore threads) {
    this(db, queue, audit, bans, threads, CommentEvents.NONE, new Claims(db, queue,
        new parley.live.EventLog(db, java.time.Clock.systemUTC()), java.time.Duration.ofMinutes(2),
        java.time.Clock.systemUTC()));
  }

  /** {@code events} hear of each comment an action (or an undo) publishes, in the action's transaction. */
  public ModeratorActions(Database db, QueueStore queue, AuditStore audit, BanStore bans, ThreadStore threads,
      CommentEvents events, Claims claims) {
    this.events = events;
    this.claims = claims;
    this.db = db;
    this.threads = threads;
    this.queue = queue;
    this.audit = audit;
    this.bans = bans;
  }

  /** The comment after an action, and the audit entry that can undo it. */
  public record Acted(QueueItem comment, long auditId) {}

  public Acted act(String siteId, long commentId, Action action, Actor actor) {
    long auditId = db.write(h -> apply(h, siteId, commentId, action, actor));
    return new Acted(queue.find(siteId, commentId).orElseThrow(), auditId);
  }

  /** Applies one action to many comments in one transaction; unknown ids fail the whole batch. */
  public int bulk(String siteId, List<Long> ids, Action action, Actor actor) {
    if (ids.isEmpty() || ids.size() > MAX_BULK) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'ids' holds 1 to " + MAX_BULK + " comment ids.");
    }
    return db.write(h -> {
      for (long id : ids) apply(h, siteId, id, action, actor);
      return ids.size();
    });
  }

  private long apply(Handle h, String siteId, long commentId, Action action, Actor actor) {
    QueueItem c = comment(h, siteId, commentId);
    if (c.state() == CommentState.DELETED) throw new ApiException(ErrorCode.COMMENT_NOT_EDITABLE, "The author deleted it.");
    claims.requireActable(h, commentId, actor.id());
    ModState before = ModState.of(c);
    ModState after = action.after(before);
    queue.apply(h, commentId, after);
    published(h, commentId, before, after);
    claims.release(h, siteId, commentId, actor.id()); // done with it: the card moves on
    return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), action.audited(),
        commentId, before, after, null));
  }

  /**
   * Bans the comment's author from the whole site on each identity in {@code scopes} that the comment carries; their
   * later comments are refused. A new browser id alone no longer gets a banned author back in.
   */
  public long banAuthor(String siteId, long commentId, String reason, Set<BanScope> scopes, Actor actor) {
    return banAuthor(siteId, commentId, reason, scopes, null, actor);
  }

  /** As {@link #banAuthor(String, long, String, Set, Actor)}, until {@code until} (a suspension), or for good if null. */
  public long banAuthor(String siteId, long commentId, String reason, Set<BanScope> scopes, java.time.Instant until,
      Actor actor) {
    return db.write(h -> {
      QueueItem c = comment(h, siteId, commentId);
      claims.requireActable(h, commentId, actor.id());
      List<String> keys = new ArrayList<>();
      List<String> covers = new ArrayList<>();
      for (BanScope scope : BanScope.values()) {
        String value = scopes.contains(scope) ? identity(c, scope) : null;
        if (value == null) continue;
        keys.add(scope.key(value));
        covers.add(scope.label());
      }
      if (keys.isEmpty() && c.authorAccountId() == null && c.clientHash() == null && c.ipHash() == null) {
        // an imported comment: no account, browser or address; its author is known by the source's email or name
        String imported = c.author().key();
        if (imported != null) {
          keys.add(imported);
          covers.add("imported identity");
        }
      }
      if (keys.isEmpty()) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "The comment carries none of the identities to ban.");
      }
      bans.ban(h, siteId, keys, c.authorName(), reason, actor.id(), until);
      String what = (until == null ? "banned " : "suspended ") + c.authorName() + " (" + String.join(", ", covers) + ")"
          + (until == null ? "" : " until " + until);
      Map<String, Object> after = until == null ? Map.of("banned", keys, "covers", covers)
          : Map.of("banned", keys, "covers", covers, "until", until.toString());
      return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), until == null ? AuditAction.BAN
          : AuditAction.SUSPEND, commentId, null, after, reason == null ? what : what + ": " + reason));
    });
  }

  private static String identity(QueueItem c, BanScope scope) {
    return switch (scope) {
      case ACCOUNT -> c.authorAccountId() == null ? null : String.valueOf(c.authorAccountId());
      case CLIENT -> c.clientHash();
      case ADDRESS -> c.ipHash();
      case EMAIL -> c.authorEmail() == null || c.authorEmail().isBlank() ? null : BanStore.emailHash(c.authorEmail());
    };
  }

  /** Closes or reopens a thread for new comments. */
  public void closeThread(String siteId, long threadId, boolean closed, Actor actor) {
    db.write(h -> {
      if (!threads.setClosed(h, siteId, threadId, closed)) throw new ApiException(ErrorCode.THREAD_NOT_FOUND);
      return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), closed ? AuditAction.CLOSE_THREAD : AuditAction.OPEN_THREAD,
          null, Map.of("closed", !closed), Map.of("closed", closed), "thread " + threadId));
    });
  }

  /** Reverses an earlier action: restores the comment's state before it, or lifts the ban. */
  public void undo(String siteId, long auditId, Actor actor) {
    db.write(h -> {
      AuditEntry e = audit.find(h, siteId, auditId).orElseThrow(() -> new ApiException(ErrorCode.AUDIT_ENTRY_NOT_FOUND));
      if (e.undone()) throw new ApiException(ErrorCode.ALREADY_UNDONE);
      AuditAction action = AuditAction.fromKey(e.action()).filter(AuditAction::undoable)
          .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_FAILED, "'" + e.action() + "' cannot be undone."));
      Object restored = switch (action) {
        case APPROVE, REJECT, FEATURE, UNFEATURE -> {
          ModState before = new ModState(CommentState.fromKey(e.before().path("state").asText()), e.before().path("featured").asBoolean(),
              e.before().path("reportOpen").asBoolean());
          QueueItem now = comment(h, siteId, e.commentId());
          queue.apply(h, e.commentId(), before);
          published(h, e.commentId(), ModState.of(now), before);
          yield Map.of("from", ModState.of(now), "to", before);
        }
        case BAN, SUSPEND -> {
          List<String> keys = new ArrayList<>();
          e.after().path("banned").forEach(k -> keys.add(k.asText()));
          bans.unban(h, siteId, keys);
          yield Map.of("unbanned", keys);
        }
        case CLOSE_THREAD, OPEN_THREAD, UNDO, THREAD_SETTINGS, THREAD_MOVED, ARTICLE_DEFAULTS -> throw new IllegalStateException("not undoable: " + action);
      };
      audit.markUndone(h, auditId);
      return audit.append(h, new NewEntry(siteId, actor.id(), actor.name(), AuditAction.UNDO, e.commentId(), e.after(),
          restored, "undid #" + auditId + " (" + e.action() + ")"));
    });
  }

  private void published(Handle h, long commentId, ModState before, ModState after) {
    if (before.state() != CommentState.PUBLISHED && after.state() == CommentState.PUBLISHED) {
      events.emit(h, CommentEvent.Kind.PUBLISHED, commentId);
    }
  }

  private QueueItem comment(Handle h, String siteId, long commentId) {
    return queue.find(h, siteId, commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
  }
}
