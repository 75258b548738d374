package parley.moderation.queue;

import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.store.Database;
import parley.kit.Json;

/** The append-only audit log; only the {@code undone} flag ever changes. */
public final class AuditStore {
  private static final RowMapper<AuditEntry> ENTRY = (rs, ctx) -> {
    long actor = rs.getLong("actor_id");
    Long actorId = rs.wasNull() ? null : actor;
    long comment = rs.getLong("comment_id");
    Long commentId = rs.wasNull() ? null : comment;
    return new AuditEntry(rs.getLong("id"), rs.getString("site_id"), actorId, rs.getString("actor_name"),
        rs.getString("action"), commentId, read(rs.getString("before_state")), read(rs.getString("after_state")),
        rs.getString("detail"), rs.getInt("undone") == 1, Instant.ofEpochMilli(rs.getLong("created_at")));
  };

  private final Database db;

  private final Clock clock;

  public AuditStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  public record NewEntry(String siteId, Long actorId, String actorName, AuditAction action, Long commentId,
      Object before, Object after, String detail) {}

  public long append(Handle h, NewEntry e) {
    return h.createQuery("""
            INSERT INTO audit_log (site_id, actor_id, actor_name, action, comment_id, before_state, after_state,
              detail, created_at)
            VALUES (:site, :actor, :name, :action, :comment, :before, :after, :detail, :now) RETURNING id""")
        .bind("site", e.siteId()).bind("actor", e.actorId()).bind("name", e.actorName()).bind("action", e.action().key())
        .bind("comment", e.commentId()).bind("before", write(e.before())).bind("after", write(e.after()))
        .bind("detail", e.detail()).bind("now", clock.millis())
        .mapTo(Long.class).one();
  }

  public List<AuditEntry> list(String siteId, Long beforeId, int limit) {
    return db.read(h -> h.createQuery("SELECT * FROM audit_log WHERE site_id = :site"
            + (beforeId == null ? "" : " AND id < :before") + " ORDER BY id DESC LIMIT :limit")
        .bind("site", siteId).bind("before", beforeId).bind("limit", limit).map(ENTRY).list());
  }

  /** Moderator actions on the author's comments (bans included: they are taken from a comment), newest first. */
  public List<AuditEntry> onAuthor(String siteId, parley.moderation.AuthorRef author, int limit) {
    return db.read(h -> author.bind(h.createQuery("""
            SELECT a.* FROM audit_log a JOIN comments c ON c.id = a.comment_id
            WHERE a.site_id = :site AND\s""" + author.where() + " ORDER BY a.id DESC LIMIT :limit"))
        .bind("site", siteId).bind("limit", limit).map(ENTRY).list());
  }

  public Optional<AuditEntry> find(Handle h, String siteId, long id) {
    return h.createQuery("SELECT * FROM audit_log WHERE site_id = :site AND id = :id")
        .bind("site", siteId).bind("id", id).map(ENTRY).findOne();
  }

  public void markUndone(Handle h, long id) {
    h.createUpdate("UPDATE audit_log SET undone = 1 WHERE id = :id").bind("id", id).execute();
  }

  /** The entries of an erased account keep their actor's name but lose the account, in the erasure's transaction. */
  public static void forgetActor(Handle h, long accountId) {
    h.createUpdate("UPDATE audit_log SET actor_id = NULL WHERE actor_id = :account").bind("account", accountId).execute();
  }

  private static String write(Object o) {
    if (o == null) return null;
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String text) {
    if (text == null) return null;
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
