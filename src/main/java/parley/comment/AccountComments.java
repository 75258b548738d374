package parley.comment;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A signed-in reader's own comments and votes, by account id: their history, the GDPR export and erasure. Each runs
 * in the caller's transaction, so the account feature can reach every row about the person in one. Thread-safe.
 */
public final class AccountComments {
  /** What an erased comment says instead of its text. */
  public static final String ERASED = "[deleted]";

  private AccountComments() {}

  /** One of the reader's comments, where it is, and its state (they see their held and rejected ones too). */
  public record Item(long id, String site, String page, String url, String title, String state, String html,
      long createdAt) {}

  /** The reader's comments, newest first, before comment id {@code before} (null = from the newest). */
  public static List<Item> history(Handle h, long accountId, Long before, int limit) {
    return h.createQuery("""
            SELECT c.id, t.site_id, t.page_key, t.url, t.title, c.state, c.body_html, c.created_at
            FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE c.author_account_id = :account AND c.erased_at IS NULL AND c.id < :before
            ORDER BY c.id DESC LIMIT :limit""")
        .bind("account", accountId).bind("before", before == null ? Long.MAX_VALUE : before).bind("limit", limit)
        .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("site_id"), rs.getString("page_key"),
            rs.getString("url"), rs.getString("title"), rs.getString("state"), rs.getString("body_html"),
            rs.getLong("created_at")))
        .list();
  }

  /** Every comment (with its markdown) and vote the account made, for the export. */
  public static Map<String, Object> export(Handle h, long accountId) {
    return Map.of(
        "comments", h.createQuery("""
                SELECT c.id, t.site_id AS site, t.page_key AS page, t.url, t.title, c.parent_id, c.author_name,
                  c.author_email, c.body_markdown, c.state, c.created_at, c.edited_at, c.score, c.upvotes, c.downvotes
                FROM comments c JOIN threads t ON t.id = c.thread_id
                WHERE c.author_account_id = :account AND c.erased_at IS NULL ORDER BY c.id""")
            .bind("account", accountId).mapToMap().list(),
        "votes", h.createQuery("SELECT comment_id, value, created_at FROM votes WHERE account_id = :account ORDER BY created_at")
            .bind("account", accountId).mapToMap().list());
  }

  /**
   * Erases the account's comments: they stay as "[deleted]" placeholders in their place (id, parent, depth, time), so
   * other readers' replies keep their thread; text, name, email and moderation notes go. The thread triggers (V45)
   * lower the published counts and bump the versions that invalidate cached pages, in the caller's transaction. Votes
   * stay counted but lose the account. Returns how many comments were erased.
   */
  public static int erase(Handle h, long accountId, long now) {
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
    h.createUpdate("UPDATE votes SET account_id = NULL WHERE account_id = :account").bind("account", accountId).execute();
    return comments;
  }
}
