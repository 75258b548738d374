package parley.comment;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/**
 * Tells listeners (reply emails, webhooks) what happened to a comment, inside the transaction that made it happen, so
 * what they enqueue commits or rolls back with it. Listeners must only write through the handle, never send.
 * Thread-safe.
 */
public final class CommentEvents {
  /** Called inside the write transaction; enqueue, never block on the network. */
  public interface Listener {
    void on(Handle h, CommentEvent event);
  }

  /** Hears nothing: for services built without listeners (tests, tools). */
  public static final CommentEvents NONE = new CommentEvents();

  // added while wiring, before the server starts; read on every event
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener; called while wiring the app. */
  public void listen(Listener listener) {
    if (this == NONE) throw new IllegalStateException("NONE takes no listeners");
    listeners.add(listener);
  }

  public void emit(Handle h, CommentEvent.Kind kind, long commentId) {
    if (listeners.isEmpty()) return;
    CommentEvent event = h.createQuery("""
            SELECT c.id, t.site_id, t.id AS thread_id, t.page_key, t.url, t.title, c.parent_id, p.author_email AS parent_email,
              c.author_name, c.author_email, c.body_markdown, c.created_at
            FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
            WHERE c.id = :id""")
        .bind("id", commentId)
        .map((rs, ctx) -> new CommentEvent(kind, rs.getLong("id"), rs.getString("site_id"), rs.getLong("thread_id"),
            rs.getString("page_key"), rs.getString("url"), rs.getString("title"),
            rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), rs.getString("parent_email"),
            rs.getString("author_name"), rs.getString("author_email"), rs.getString("body_markdown"),
            Instant.ofEpochMilli(rs.getLong("created_at"))))
        .one();
    for (Listener l : listeners) l.on(h, event);
  }
}
