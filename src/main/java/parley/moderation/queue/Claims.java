package parley.moderation.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.live.EventLog;
import parley.live.LiveEvent;
import parley.moderation.queue.ModeratorActions.Actor;
import parley.store.Database;

/**
 * Moderators' claims on queue items, so two never act on one comment at once: a claim lasts {@code timeout} unless
 * renewed (the dashboard renews while the card is open); while it lasts, anyone else's action is refused with 409
 * {@code CLAIMED_BY_OTHER}. Each change is a live event for the site's other dashboards. Thread-safe.
 */
public final class Claims {
  /** Who holds a comment, until when. */
  public record Claim(long commentId, long accountId, String moderator, Instant until) {}

  private final Database db;
  private final QueueStore queue;
  private final EventLog events;
  private final Duration timeout;
  private final Clock clock;

  public Claims(Database db, QueueStore queue, EventLog events, Duration timeout, Clock clock) {
    this.db = db;
    this.queue = queue;
    this.events = events;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Takes or renews the actor's claim; CLAIMED_BY_OTHER while another moderator's lasts. */
  public Claim claim(String siteId, long commentId, Actor actor) {
    long now = clock.millis();
    long until = now + timeout.toMillis();
    return db.write(h -> {
      queue.find(h, siteId, commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
      // one statement decides: a concurrent claimer either updates nothing or finds our row
      int taken = h.createUpdate("""
              INSERT INTO claims (comment_id, site_id, account_id, moderator, expires_at)
              VALUES (:comment, :site, :account, :name, :until)
              ON CONFLICT (comment_id) DO UPDATE SET account_id = excluded.account_id, moderator = excluded.moderator,
                expires_at = excluded.expires_at
              WHERE claims.account_id = excluded.account_id OR claims.expires_at <= :now""")
          .bind("comment", commentId).bind("site", siteId).bind("account", actor.id()).bind("name", actor.name())
          .bind("until", until).bind("now", now).execute();
      if (taken == 0) throw refused(holder(h, commentId, now).orElseThrow());
      events.append(h, siteId, LiveEvent.Kind.CLAIMED, commentId, detail(actor, until));
      return new Claim(commentId, actor.id(), actor.name(), Instant.ofEpochMilli(until));
    });
  }

  /** Gives up the actor's claim, if they hold one; true when there was one. */
  public boolean release(String siteId, long commentId, Actor actor) {
    return db.write(h -> release(h, siteId, commentId, actor.id()));
  }

  boolean release(Handle h, String siteId, long commentId, long accountId) {
    int gone = h.createUpdate("DELETE FROM claims WHERE comment_id = :comment AND site_id = :site AND account_id = :account")
        .bind("comment", commentId).bind("site", siteId).bind("account", accountId).execute();
    if (gone > 0) events.append(h, siteId, LiveEvent.Kind.RELEASED, commentId, null);
    return gone > 0;
  }

  /** Inside an action's write: refuses when another moderator's claim on the comment lasts. */
  void requireActable(Handle h, long commentId, long accountId) {
    Optional<Claim> held = holder(h, commentId, clock.millis());
    if (held.isPresent() && held.get().accountId() != accountId) throw refused(held.get());
  }

  /** Claims that last now on a site, for a dashboard that just connected. */
  public List<Claim> active(String siteId) {
    return db.read(h -> h.createQuery("SELECT * FROM claims WHERE site_id = :site AND expires_at > :now")
        .bind("site", siteId).bind("now", clock.millis())
        .map((rs, ctx) -> new Claim(rs.getLong("comment_id"), rs.getLong("account_id"), rs.getString("moderator"),
            Instant.ofEpochMilli(rs.getLong("expires_at")))).list());
  }

  private static Optional<Claim> holder(Handle h, long commentId, long now) {
    return h.createQuery("SELECT * FROM claims WHERE comment_id = :comment AND expires_at > :now")
        .bind("comment", commentId).bind("now", now)
        .map((rs, ctx) -> new Claim(rs.getLong("comment_id"), rs.getLong("account_id"), rs.getString("moderator"),
            Instant.ofEpochMilli(rs.getLong("expires_at")))).findOne();
  }

  private static ApiException refused(Claim c) {
    return new ApiException(ErrorCode.CLAIMED_BY_OTHER, "Being handled by " + c.moderator() + " (claim lasts until "
        + c.until() + "); wait or pick another comment.");
  }

  private static String detail(Actor by, long until) {
    try {
      return parley.kit.Json.MAPPER.writeValueAsString(Map.of("by", by.name(), "account", by.id(), "until", until));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
