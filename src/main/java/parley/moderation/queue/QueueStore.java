package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import parley.comment.CommentState;
import parley.comment.CommentStore;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.moderation.AuthorRef;
import parley.store.Database;
import parley.kit.Json;

/** SQL for the moderation queues and for changing a comment's moderation state. */
public final class QueueStore {
  private static final String SELECT = """
      SELECT c.*, t.site_id, t.title AS thread_title, t.url AS thread_url, t.page_key, t.closed AS thread_closed,
        p.author_name AS parent_author, p.body_markdown AS parent_body
      FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
      """;

  static final RowMapper<QueueItem> ITEM = (rs, ctx) -> {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long account = rs.getLong("author_account_id");
    Long accountId = rs.wasNull() ? null : account;
    long edited = rs.getLong("edited_at");
    Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
    return new QueueItem(rs.getLong("id"), rs.getString("site_id"), rs.getLong("thread_id"),
        rs.getString("thread_title"), rs.getString("thread_url"), rs.getString("page_key"),
        rs.getBoolean("thread_closed"), parentId, rs.getString("parent_author"), rs.getString("parent_body"),
        rs.getString("author_name"), rs.getString("author_email"), accountId, rs.getString("client_hash"),
        rs.getString("ip_hash"), rs.getString("author_username"), rs.getString("body_markdown"), rs.getString("body_html"),
        Instant.ofEpochMilli(rs.getLong("created_at")), editedAt, CommentState.fromKey(rs.getString("state")), rs.getInt("featured") == 1,
        rs.getInt("report_count"), rs.getInt("report_open") == 1, json(rs.getString("scores")),
        json(rs.getString("moderation")));
  };

  private final Database db;

  public QueueStore(Database db) {
    this.db = db;
  }

  /** One page of a queue, newest first, with ids below {@code beforeId} (null: from the newest). */
  public List<QueueItem> list(String siteId, Queue queue, Long beforeId, int limit) {
    return db.read(h -> h.createQuery(SELECT + " WHERE t.site_id = :site AND " + queue.where
            + (beforeId == null ? "" : " AND c.id < :before") + " ORDER BY c.id DESC LIMIT :limit")
        .bind("site", siteId).bind("before", beforeId).bind("limit", limit).map(ITEM).list());
  }

  public Optional<QueueItem> find(String siteId, long commentId) {
    return db.read(h -> find(h, siteId, commentId));
  }

  public Optional<QueueItem> find(Handle h, String siteId, long commentId) {
    return h.createQuery(SELECT + " WHERE t.site_id = :site AND c.id = :id")
        .bind("site", siteId).bind("id", commentId).map(ITEM).findOne();
  }

  /** All the author's comments on the site, deleted ones too, newest first: their user page. */
  public List<QueueItem> byAuthor(String siteId, AuthorRef author, int limit) {
    return db.read(h -> author.bind(h.createQuery(SELECT + " WHERE t.site_id = :site AND " + author.where()
            + " ORDER BY c.id DESC LIMIT :limit"))
        .bind("site", siteId).bind("limit", limit).map(ITEM).list());
  }

  /** The author's latest comments on the site, any state but deleted. */
  public List<QueueItem> byAuthor(String siteId, QueueItem of, int limit) {
    AuthorRef author = of.author();
    return db.read(h -> author.bind(h.createQuery(SELECT + " WHERE t.site_id = :site AND c.state <> 'deleted' AND "
            + author.where() + " ORDER BY c.id DESC LIMIT :limit"))
        .bind("site", siteId).bind("limit", limit).map(ITEM).list());
  }

  public Map<Queue, Integer> counts(String siteId) {
    Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
    db.read(h -> {
      for (Queue q : List.of(Queue.PENDING, Queue.REPORTED, Queue.REJECTED, Queue.FEATURED)) {
        counts.put(q, h.createQuery("SELECT COUNT(*) FROM comments c JOIN threads t ON t.id = c.thread_id"
            + " WHERE t.site_id = :site AND " + q.where).bind("site", siteId).mapTo(Integer.class).one());
      }
      return null;
    });
    return counts;
  }

  /** Open work per site: pending and reported comments, in one grouped query per queue (for metrics). */
  public List<SiteQueueSize> openWork() {
    return db.read(h -> {
      List<SiteQueueSize> out = new java.util.ArrayList<>();
      for (Queue q : List.of(Queue.PENDING, Queue.REPORTED)) {
        h.createQuery("SELECT t.site_id AS site, COUNT(*) AS n FROM comments c JOIN threads t ON t.id = c.thread_id"
                + " WHERE " + q.where + " GROUP BY t.site_id")
            .map((rs, ctx) -> new SiteQueueSize(rs.getString("site"), q, rs.getLong("n"))).forEach(out::add);
      }
      return out;
    });
  }

  /** How many comments wait in one site's queue. */
  public record SiteQueueSize(String siteId, Queue queue, long size) {}

  /** Sets what moderation controls on a comment. */
  public void apply(Handle h, long commentId, ModState s) {
    CommentStore.setModeration(h, commentId, s.state(), s.featured(), s.reportOpen());
  }

  /** Featured, published comments of one thread, oldest first; for the widget's "editor's picks". */
  public List<QueueItem> featured(String siteId, String pageKey) {
    return db.read(h -> h.createQuery(SELECT + " WHERE t.site_id = :site AND t.page_key = :page AND "
            + Queue.FEATURED.where + " ORDER BY c.created_at, c.id LIMIT 20")
        .bind("site", siteId).bind("page", pageKey).map(ITEM).list());
  }

  private static JsonNode json(String text) {
    if (text == null) return null;
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
