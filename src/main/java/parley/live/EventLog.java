package parley.live;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.store.Database;
import parley.store.Dialect;

/**
 * The {@code live_events} table. Comment events are written by triggers (see V53); claims are appended here, in the
 * claim's own transaction. On PostgreSQL every append also rings {@code pg_notify}, delivered at commit.
 */
public final class EventLog {
  static final String CHANNEL = "parley_live";
  private static final RowMapper<LiveEvent> EVENT = (rs, ctx) -> {
    long comment = rs.getLong("comment_id");
    Long commentId = rs.wasNull() ? null : comment;
    return new LiveEvent(rs.getLong("id"), rs.getString("site_id"), rs.getString("page_key"),
        LiveEvent.Kind.fromKey(rs.getString("kind")), commentId, rs.getString("detail"), rs.getLong("created_at"));
  };

  private final Database db;
  private final Clock clock;

  public EventLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Inside the caller's write: an event for the moderators of {@code siteId}. */
  public void append(Handle h, String siteId, LiveEvent.Kind kind, long commentId, String detail) {
    Database.requireTransaction(h);
    h.createUpdate("INSERT INTO live_events (site_id, kind, comment_id, detail, created_at) "
            + "VALUES (:site, :kind, :comment, :detail, :now)")
        .bind("site", siteId).bind("kind", kind.key()).bind("comment", commentId).bind("detail", detail)
        .bind("now", clock.millis()).execute();
    if (db.dialect() == Dialect.POSTGRESQL) h.createQuery("SELECT pg_notify('" + CHANNEL + "', '')").mapTo(String.class).one();
  }

  /** A page moved to a new key: its events follow it, inside the caller's write (the thread's move). */
  public static void renamePage(Handle h, String siteId, String fromKey, String toKey) {
    h.createUpdate("UPDATE live_events SET page_key = :to WHERE site_id = :site AND page_key = :from")
        .bind("to", toKey).bind("site", siteId).bind("from", fromKey).execute();
  }

  /** Events after {@code id} in id order, and those among {@code gaps} (ids skipped earlier) that now exist. */
  List<LiveEvent> after(long id, Collection<Long> gaps, int limit) {
    return db.read(h -> {
      List<LiveEvent> next = h.createQuery("SELECT * FROM live_events WHERE id > :id ORDER BY id LIMIT :limit")
          .bind("id", id).bind("limit", limit).map(EVENT).list();
      if (gaps.isEmpty()) return next;
      List<LiveEvent> late = h.createQuery("SELECT * FROM live_events WHERE id IN (<gaps>) ORDER BY id")
          .bindList("gaps", List.copyOf(gaps)).map(EVENT).list();
      return late.isEmpty() ? next : java.util.stream.Stream.concat(late.stream(), next.stream()).toList();
    });
  }

  /** What a reconnecting stream missed: a page's published events, or all of a site's moderator events. */
  List<LiveEvent> replay(Topic topic, long afterId, int limit) {
    String where = topic.moderators() ? "site_id = :site AND kind <> 'published'"
        : "site_id = :site AND page_key = :page AND kind = 'published'";
    return db.read(h -> h.createQuery("SELECT * FROM live_events WHERE " + where + " AND id > :after ORDER BY id LIMIT :limit")
        .bind("site", topic.siteId()).bind("page", topic.pageKey()).bind("after", afterId).bind("limit", limit)
        .map(EVENT).list());
  }

  long latestId() {
    return db.read(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM live_events").mapTo(Long.class).one());
  }

  int prune(long olderThanMillis) {
    return db.write(h -> h.createUpdate("DELETE FROM live_events WHERE created_at < :t").bind("t", olderThanMillis).execute());
  }
}
