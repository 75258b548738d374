package parley.notify;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.i18n.Lang;
import parley.store.Database;

/** The reply_subscriptions table. Emails are stored lower-cased. Thread-safe. */
final class SubscriptionStore {
  private static final String COLUMNS = "id, site_id, email, thread_id, confirmed_at, lang";
  private static final RowMapper<Subscription> ROW = (rs, ctx) -> new Subscription(rs.getLong("id"),
      rs.getString("site_id"), rs.getString("email"), rs.getObject("thread_id") == null ? null : rs.getLong("thread_id"),
      rs.getObject("confirmed_at") != null, Lang.nearest(rs.getString("lang")));
  private final Database db;

  SubscriptionStore(Database db) {
    this.db = db;
  }

  /**
   * The subscription for this scope, created pending if there was none; a {@code lang} (null: keep) is the one its
   * emails are written in from now on (the reader asked again from a widget in another language).
   */
  Subscription request(Handle h, String siteId, String email, Long threadId, Lang lang, long now) {
    String tag = lang == null ? null : lang.tag();
    h.createUpdate("""
            INSERT INTO reply_subscriptions (site_id, email, thread_id, created_at, lang)
            VALUES (:site, :email, :thread, :now, :lang)
            ON CONFLICT DO NOTHING""")
        .bind("site", siteId).bind("email", email).bind("thread", threadId).bind("now", now).bind("lang", tag).execute();
    if (tag != null) {
      h.createUpdate("""
              UPDATE reply_subscriptions SET lang = :lang
              WHERE site_id = :site AND email = :email AND COALESCE(thread_id, 0) = :thread""")
          .bind("site", siteId).bind("email", email).bind("thread", threadId == null ? 0L : threadId).bind("lang", tag)
          .execute();
    }
    return h.createQuery("SELECT " + COLUMNS + " FROM reply_subscriptions WHERE site_id = :site AND email = :email"
            + " AND COALESCE(thread_id, 0) = :thread")
        .bind("site", siteId).bind("email", email).bind("thread", threadId == null ? 0L : threadId).map(ROW).one();
  }

  Optional<Subscription> find(long id) {
    return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM reply_subscriptions WHERE id = :id")
        .bind("id", id).map(ROW).findOne());
  }

  boolean confirm(long id, long now) {
    return db.write(h -> h.createUpdate(
            "UPDATE reply_subscriptions SET confirmed_at = COALESCE(confirmed_at, :now) WHERE id = :id")
        .bind("id", id).bind("now", now).execute() == 1);
  }

  int remove(long id) {
    return db.write(h -> h.createUpdate("DELETE FROM reply_subscriptions WHERE id = :id").bind("id", id).execute());
  }

  int removeAll(String siteId, String email) {
    return db.write(h -> h.createUpdate("DELETE FROM reply_subscriptions WHERE site_id = :site AND email = :email")
        .bind("site", siteId).bind("email", email).execute());
  }

  /** Every subscription of the address on every site (its account was erased), inside the caller's write. */
  static void removeEverywhere(Handle h, String email) {
    h.createUpdate("DELETE FROM reply_subscriptions WHERE LOWER(email) = :email")
        .bind("email", email.toLowerCase(java.util.Locale.ROOT)).execute();
  }

  /** Subscriptions to thread {@code from} now cover {@code into} (two threads merged), inside the caller's write. */
  static void moveThread(Handle h, long from, long into) {
    // a reader subscribed to both threads keeps the one subscription the unique index allows
    h.createUpdate("""
        DELETE FROM reply_subscriptions WHERE thread_id = :from AND EXISTS (SELECT 1 FROM reply_subscriptions s
          WHERE s.thread_id = :into AND s.site_id = reply_subscriptions.site_id AND s.email = reply_subscriptions.email)""")
        .bind("from", from).bind("into", into).execute();
    h.createUpdate("UPDATE reply_subscriptions SET thread_id = :into WHERE thread_id = :from")
        .bind("from", from).bind("into", into).execute();
  }

  /** Confirmed subscriptions of {@code email} that cover {@code threadId}: the thread's own first, then the site's. */
  List<Subscription> covering(Handle h, String siteId, String email, long threadId) {
    return h.createQuery("SELECT " + COLUMNS + """
             FROM reply_subscriptions WHERE site_id = :site AND email = :email AND confirmed_at IS NOT NULL
              AND (thread_id = :thread OR thread_id IS NULL)
            ORDER BY COALESCE(thread_id, 0) DESC""")
        .bind("site", siteId).bind("email", email).bind("thread", threadId).map(ROW).list();
  }
}
