package parley.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.comment.CommentEvent;
import parley.store.Database;

/** The webhooks table. Thread-safe. */
final class WebhookStore {
  private static final RowMapper<Webhook> ROW = (rs, ctx) -> new Webhook(rs.getLong("id"), rs.getString("site_id"),
      rs.getString("url"), rs.getString("secret"), WebhookFormat.valueOf(rs.getString("format").toUpperCase(Locale.ROOT)),
      events(rs.getString("events")));
  private final Database db;

  WebhookStore(Database db) {
    this.db = db;
  }

  static Set<CommentEvent.Kind> events(String csv) {
    Set<CommentEvent.Kind> out = EnumSet.noneOf(CommentEvent.Kind.class);
    Arrays.stream(csv.split(",")).filter(s -> !s.isBlank())
        .forEach(s -> out.add(CommentEvent.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT))));
    return out;
  }

  Webhook create(String siteId, String url, String secret, WebhookFormat format, Set<CommentEvent.Kind> events, long now) {
    String csv = events.stream().map(CommentEvent.Kind::key).collect(Collectors.joining(","));
    long id = db.write(h -> h.createQuery("""
            INSERT INTO webhooks (site_id, url, secret, format, events, created_at)
            VALUES (:site, :url, :secret, :format, :events, :now) RETURNING id""")
        .bind("site", siteId).bind("url", url).bind("secret", secret).bind("format", format.key())
        .bind("events", csv).bind("now", now).mapTo(Long.class).one());
    return new Webhook(id, siteId, url, secret, format, events);
  }

  List<Webhook> list(String siteId) {
    return db.read(h -> h.createQuery("SELECT * FROM webhooks WHERE site_id = :site ORDER BY id")
        .bind("site", siteId).map(ROW).list());
  }

  List<Webhook> list(Handle h, String siteId) {
    return h.createQuery("SELECT * FROM webhooks WHERE site_id = :site ORDER BY id").bind("site", siteId).map(ROW).list();
  }

  Optional<Webhook> find(long id) {
    return db.read(h -> h.createQuery("SELECT * FROM webhooks WHERE id = :id").bind("id", id).map(ROW).findOne());
  }

  boolean delete(String siteId, long id) {
    return db.write(h -> h.createUpdate("DELETE FROM webhooks WHERE site_id = :site AND id = :id")
        .bind("site", siteId).bind("id", id).execute() == 1);
  }
}
