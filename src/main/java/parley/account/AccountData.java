package parley.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import parley.store.Database;

/**
 * A reader's own data across features, by account id: their comment history, the GDPR export, and erasure. Like
 * {@code importing.UserData} (the operator's GDPR tool) this reads other features' tables directly, because a GDPR
 * request must reach every row about the person in one transaction. Thread-safe.
 */
final class AccountData {
  static final String ERASED = "[deleted]";
  private final Database db;
  private final Clock clock;

  AccountData(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One of the reader's comments, where it is, and its state (they see their held and rejected ones too). */
  record HistoryItem(long id, String site, String page, String url, String title, String state, String html,
      long createdAt) {}

  /** The reader's comments, newest first, before comment id {@code before} (null = from the newest). */
  List<HistoryItem> history(long accountId, Long before, int limit) {
    return db.read(h -> h.createQuery("""
            SELECT c.id, t.site_id, t.page_key, t.url, t.title, c.state, c.body_html, c.created_at
            FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE c.author_account_id = :account AND c.erased_at IS NULL AND c.id < :before
            ORDER BY c.id DESC LIMIT :limit""")
        .bind("account", accountId).bind("before", before == null ? Long.MAX_VALUE : before).bind("limit", limit)
        .map((rs, ctx) -> new HistoryItem(rs.getLong("id"), rs.getString("site_id"), rs.getString("page_key"),
            rs.getString("url"), rs.getString("title"), rs.getString("state"), rs.getString("body_html"),
            rs.getLong("created_at")))
        .list());
  }

  /** Every comment (with its markdown) and vote the account made, for the export. */
  Map<String, Object> export(long accountId) {
    return db.read(h -> Map.of(
        "comments", h.createQuery("""
                SELECT c.id, t.site_id AS site, t.page_key AS page, t.url, t.title, c.parent_id, c.author_name,
                  c.author_email, c.body_markdown, c.state, c.created_at, c.edited_at, c.score, c.upvotes, c.downvotes
                FROM comments c JOIN threads t ON t.id = c.thread_id
                WHERE c.author_account_id = :account AND c.erased_at IS NULL ORDER BY c.id""")
            .bind("account", accountId).mapToMap().list(),
        "votes", h.createQuery("SELECT comment_id, value, created_at FROM votes WHERE account_id = :account ORDER BY created_at")
            .bind("account", accountId).mapToMap().list()));
  }

  /**
   * Erases the account. Its comments stay as "[deleted]" placeholders in their place (id, parent, depth, time), so
   * other readers' replies keep their thread; text, name, email and moderation notes go. The thread triggers (V45)
   * lower the published counts and bump the versions that invalidate cached pages, in this same transaction. Votes
   * stay counted but lose the account; sessions, roles, reset tokens and reply subscriptions to the email go.
   */
  int erase(long accountId, String email) {
    long now = clock.millis();
    return db.write(h -> {
      h.createUpdate("""
              DELETE FROM idempotency_keys WHERE comment_id IN (SELECT id FROM comments WHERE author_account_id = :account)""")
          .bind("account", accountId).execute();
      int comments = h.createUpdate("""
              UPDATE comments SET author_name = :erased, author_email = NULL, author_username = NULL, client_hash = NULL,
                edit_token_hash = NULL, body_markdown = :erased, body_html = :html, state = 'deleted', scores = NULL,
                moderation = NULL, erased_at = COALESCE(erased_at, :now), author_account_id = NULL
              WHERE author_account_id = :account""")
          .bind("erased", ERASED).bind("html", "<p>" + ERASED + "</p>").bind("now", now).bind("account", accountId)
          .execute();
      for (String sql : List.of(
          "UPDATE votes SET account_id = NULL WHERE account_id = :account",
          "UPDATE bans SET created_by = NULL WHERE created_by = :account",
          "UPDATE audit_log SET actor_id = NULL WHERE actor_id = :account",
          "DELETE FROM password_resets WHERE account_id = :account",
          "DELETE FROM sessions WHERE account_id = :account",
          "DELETE FROM site_roles WHERE account_id = :account")) {
        h.createUpdate(sql).bind("account", accountId).execute();
      }
      if (email != null) {
        h.createUpdate("DELETE FROM reply_subscriptions WHERE LOWER(email) = :email")
            .bind("email", email.toLowerCase(java.util.Locale.ROOT)).execute();
      }
      h.createUpdate("DELETE FROM accounts WHERE id = :account").bind("account", accountId).execute();
      return comments;
    });
  }
}
