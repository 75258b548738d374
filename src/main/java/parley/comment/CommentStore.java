package parley.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.store.Database;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** SQL for comments and votes; the same statements run on SQLite and PostgreSQL. */
public final class CommentStore {
  static final RowMapper<Comment> COMMENT = (rs, ctx) -> {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long root = rs.getLong("root_id");
    Long rootId = rs.wasNull() ? null : root;
    long edited = rs.getLong("edited_at");
    Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
    long account = rs.getLong("author_account_id");
    Long accountId = rs.wasNull() ? null : account;
    return new Comment(
        rs.getLong("id"), rs.getLong("thread_id"), parentId, rootId, rs.getInt("depth"),
        rs.getString("author_name"), rs.getString("author_email"), rs.getString("client_hash"),
        rs.getString("edit_token_hash"), rs.getString("body_markdown"), rs.getString("body_html"),
        Instant.ofEpochMilli(rs.getLong("created_at")), editedAt,
        rs.getInt("score"), rs.getInt("upvotes"), rs.getInt("downvotes"),
        CommentState.fromKey(rs.getString("state")), rs.getString("scores"), rs.getString("moderation"), accountId);
  };

  /** What a reader may see: published and deleted (as placeholders), and their own held or rejected comments. */
  private static final String VISIBLE =
      "(state IN ('published', 'deleted') OR (state IN ('pending', 'rejected') AND client_hash = :me))";
  /**
   * Top level: also a held or rejected comment that has a published reply, shown as a placeholder (CommentTree) so
   * that its replies keep their place, as replies under a hidden reply already do.
   */
  private static final String VISIBLE_TOP = "(" + VISIBLE + " OR (state IN ('pending', 'rejected') AND EXISTS ("
      + "SELECT 1 FROM comments r WHERE r.thread_id = comments.thread_id AND r.root_id = comments.id"
      + " AND r.id <> comments.id AND r.state = 'published')))";

  private final Database db;

  public CommentStore(Database db) {
    this.db = db;
  }

  /** Fields of a new comment; the store assigns id, root and depth from the parent. */
  public record NewComment(
      long threadId, Comment parent, String authorName, String authorEmail, String clientHash,
      String editTokenHash, String bodyMarkdown, String bodyHtml, Instant createdAt, CommentState state,
      String scores, String moderation, Long authorAccountId, String ipHash) {

    public NewComment(long threadId, Comment parent, String authorName, String authorEmail, String clientHash,
        String editTokenHash, String bodyMarkdown, String bodyHtml, Instant createdAt, CommentState state,
        String scores, String moderation) {
      this(threadId, parent, authorName, authorEmail, clientHash, editTokenHash, bodyMarkdown, bodyHtml, createdAt,
          state, scores, moderation, null, null);
    }
  }

  /** Inserts inside the caller's write transaction and returns the id. */
  public long insert(Handle h, NewComment c) {
    Comment p = c.parent();
    Long rootId = p == null ? null : (p.rootId() == null ? p.id() : p.rootId());
    return h.createQuery("""
            INSERT INTO comments (thread_id, parent_id, root_id, depth, author_name, author_email, client_hash,
              edit_token_hash, body_markdown, body_html, created_at, state, scores, moderation, author_account_id,
              ip_hash)
            VALUES (:thread, :parent, :root, :depth, :name, :email, :client, :token, :md, :html, :created, :state,
              :scores, :moderation, :account, :ip)
            RETURNING id""")
        .bind("thread", c.threadId())
        .bind("parent", p == null ? null : p.id())
        .bind("root", rootId)
        .bind("depth", p == null ? 0 : p.depth() + 1)
        .bind("name", c.authorName())
        .bind("email", c.authorEmail())
        .bind("client", c.clientHash())
        .bind("token", c.editTokenHash())
        .bind("md", c.bodyMarkdown())
        .bind("html", c.bodyHtml())
        .bind("created", c.createdAt().toEpochMilli())
        .bind("state", c.state().key())
        .bind("scores", c.scores())
        .bind("moderation", c.moderation())
        .bind("account", c.authorAccountId())
        .bind("ip", c.ipHash())
        .mapTo(Long.class)
        .one();
  }

  public Optional<Comment> find(long id) {
    return db.read(h -> find(h, id));
  }

  public Optional<Comment> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM comments WHERE id = :id").bind("id", id).map(COMMENT).findOne();
  }

  /** One page of top-level comments visible to {@code me}, after {@code cursor} (null: from the start). */
  public List<Comment> topLevel(long threadId, Sort sort, Cursor cursor, int limit, String me) {
    // the leading bound repeats what the OR implies, so the database seeks into the index instead of scanning to it
    String after = switch (sort) {
      case OLDEST -> "created_at >= :c AND (created_at > :c OR (created_at = :c AND id > :i))";
      case NEWEST -> "created_at <= :c AND (created_at < :c OR (created_at = :c AND id < :i))";
      case TOP -> "score <= :s AND (score < :s OR (score = :s AND (created_at > :c OR (created_at = :c AND id > :i))))";
    };
    String order = switch (sort) {
      case OLDEST -> "created_at, id";
      case NEWEST -> "created_at DESC, id DESC";
      case TOP -> "score DESC, created_at, id";
    };
    String sql = "SELECT * FROM comments WHERE thread_id = :thread AND parent_id IS NULL AND " + VISIBLE_TOP
        + (cursor == null ? "" : " AND " + after) + " ORDER BY " + order + " LIMIT :limit";
    return db.read(h -> h.createQuery(sql)
        .bind("thread", threadId)
        .bind("me", me)
        .bind("s", cursor == null ? 0 : cursor.score())
        .bind("c", cursor == null ? 0 : cursor.createdAt())
        .bind("i", cursor == null ? 0 : cursor.id())
        .bind("limit", limit)
        .map(COMMENT)
        .list());
  }

  /** Whether this reader (browser hash) wrote or voted anything in the thread, in any state. */
  public boolean hasReaderState(long threadId, String me) {
    return db.read(h -> h.createQuery("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM comments WHERE client_hash = :me AND thread_id = :thread)
              OR EXISTS (SELECT 1 FROM votes v JOIN comments c ON c.id = v.comment_id
                         WHERE v.voter_hash = :me AND c.thread_id = :thread) THEN 1 ELSE 0 END""")
        .bind("me", me).bind("thread", threadId).mapTo(Integer.class).one() == 1);
  }

  /** Every reply under the given top-level comments, in any state, oldest first. */
  public List<Comment> replies(long threadId, Collection<Long> rootIds) {
    if (rootIds.isEmpty()) return List.of();
    return db.read(h -> h.createQuery(
            "SELECT * FROM comments WHERE thread_id = :thread AND root_id IN (<roots>) ORDER BY created_at, id")
        .bind("thread", threadId)
        .bindList("roots", rootIds)
        .map(COMMENT)
        .list());
  }

  /** Replaces the body after an edit, with the state and scores the new text earned. */
  public void updateBody(long id, String markdown, String html, Instant editedAt, CommentState state,
      String scores, String moderation) {
    db.write(h -> h.createUpdate("""
            UPDATE comments SET body_markdown = :md, body_html = :html, edited_at = :edited, state = :state,
              scores = :scores, moderation = :moderation WHERE id = :id""")
        .bind("md", markdown).bind("html", html).bind("edited", editedAt.toEpochMilli())
        .bind("state", state.key()).bind("scores", scores).bind("moderation", moderation).bind("id", id)
        .execute());
  }

  /**
   * Replaces a provisional decision by the final one, if the comment still holds the provisional one (same state, same
   * reasons, stamped to the millisecond). False if something decided it again meanwhile.
   */
  static boolean settle(Handle h, long id, ArrivalCheck.Decision provisional, ArrivalCheck.Decision last) {
    return h.createUpdate("""
            UPDATE comments SET state = :state, scores = :scores, moderation = :moderation
            WHERE id = :id AND state = :was AND moderation = :wasModeration""")
        .bind("state", last.state().key()).bind("scores", last.scores()).bind("moderation", last.reasons())
        .bind("id", id).bind("was", provisional.state().key()).bind("wasModeration", provisional.reasons())
        .execute() == 1;
  }

  /**
   * Published comments still carrying a provisional decision (found through the partial index of V84). One the author
   * deleted is left alone; a moderator's action clears the mark ({@link #setModeration}).
   */
  public List<Comment> provisional() {
    return db.read(h -> h.createQuery("SELECT * FROM comments WHERE " + parley.store.CommentIndexes.PROVISIONAL
            + " AND state = 'published'")
        .map(COMMENT).list());
  }

  public void setState(long id, CommentState state) {
    db.write(h -> h.createUpdate("UPDATE comments SET state = :state WHERE id = :id")
        .bind("state", state.key()).bind("id", id).execute());
  }

  /** Sets what moderation controls on a comment, in the moderator's transaction. */
  public static void setModeration(Handle h, long id, CommentState state, boolean featured, boolean reportOpen) {
    // a moderator's decision is final: a provisional one loses its mark, so the accurate stage's does not replace it
    h.createUpdate("""
            UPDATE comments SET state = :state, featured = :featured, report_open = :open,
              moderation = REPLACE(moderation, '"by":"provisional",', '') WHERE id = :id""")
        .bind("state", state.key()).bind("featured", featured ? 1 : 0).bind("open", reportOpen ? 1 : 0)
        .bind("id", id).execute();
  }

  /** A comment's reports after one more: how many, and whether it was and is in the reported queue. */
  public record ReportTally(int count, boolean wasOpen, boolean open) {}

  /**
   * Counts a report of {@code weight} on the comment, in the report's transaction; a published comment reaches the
   * reported queue when its report weight reaches {@code reportsToQueue}.
   */
  public static ReportTally addReport(Handle h, long id, int weight, int reportsToQueue) {
    boolean wasOpen = h.createQuery("SELECT report_open FROM comments WHERE id = :comment").bind("comment", id)
        .mapTo(Integer.class).one() == 1;
    h.createUpdate("""
            UPDATE comments SET report_count = report_count + 1, report_weight = report_weight + :weight,
              report_open = CASE WHEN report_weight + :weight >= :k AND state = 'published' THEN 1 ELSE report_open END
            WHERE id = :comment""")
        .bind("weight", weight).bind("k", reportsToQueue).bind("comment", id).execute();
    return h.createQuery("SELECT report_count, report_open FROM comments WHERE id = :comment")
        .bind("comment", id).map((rs, ctx) -> new ReportTally(rs.getInt(1), wasOpen, rs.getInt(2) == 1)).one();
  }

  /** Moves every comment of thread {@code from} to thread {@code into} (two threads merged), in the caller's transaction. */
  public static void moveThread(Handle h, long from, long into) {
    h.createUpdate("UPDATE comments SET thread_id = :into WHERE thread_id = :from")
        .bind("from", from).bind("into", into).execute();
  }

  /** Anonymous votes from one address on one comment that change its score; more are recorded with weight 0. */
  static final int ANON_VOTES_COUNTED_PER_ADDRESS = 2;
  /** Anonymous votes one address may cast in one thread at all. */
  static final int ANON_VOTES_PER_ADDRESS_AND_THREAD = 200;

  /** Who votes: the browser's hash (one vote each), and the account and address hash when known. */
  public record Voter(String hash, Long accountId, String ipHash) {}

  /**
   * Records one vote; false when this voter (browser or account) already voted on the comment. A signed-in vote
   * counts fully; an anonymous one only while its address has cast fewer than the cap on this comment.
   */
  public boolean vote(long commentId, String voterHash, int value, Instant at) {
    return vote(commentId, 0, new Voter(voterHash, null, null), value, at);
  }

  public boolean vote(long commentId, long threadId, Voter voter, int value, Instant at) {
    return db.write(h -> {
      if (voter.accountId() != null && count(h, "account_id = :acc AND comment_id = :comment", commentId, voter) > 0) {
        return false;
      }
      int weight = 1;
      if (voter.accountId() == null && voter.ipHash() != null) {
        if (h.createQuery("""
                SELECT COUNT(*) FROM votes v JOIN comments c ON c.id = v.comment_id
                WHERE v.ip_hash = :ip AND v.account_id IS NULL AND c.thread_id = :thread""")
            .bind("ip", voter.ipHash()).bind("thread", threadId).mapTo(Integer.class).one()
            >= ANON_VOTES_PER_ADDRESS_AND_THREAD) {
          throw new ApiException(ErrorCode.RATE_LIMITED, "Too many votes from your network in this discussion.");
        }
        int counted = count(h, "ip_hash = :ip AND account_id IS NULL AND weight > 0 AND comment_id = :comment",
            commentId, voter);
        weight = counted < ANON_VOTES_COUNTED_PER_ADDRESS ? 1 : 0;
      }
      int added = h.createUpdate("""
              INSERT INTO votes (comment_id, voter_hash, value, created_at, ip_hash, account_id, weight)
              VALUES (:comment, :voter, :value, :now, :ip, :acc, :weight)
              ON CONFLICT (comment_id, voter_hash) DO NOTHING""")
          .bind("comment", commentId).bind("voter", voter.hash()).bind("value", value)
          .bind("now", at.toEpochMilli()).bind("ip", voter.ipHash()).bind("acc", voter.accountId())
          .bind("weight", weight)
          .execute();
      if (added == 0) return false;
      h.createUpdate("""
              UPDATE comments SET score = score + :value, upvotes = upvotes + :up, downvotes = downvotes + :down
              WHERE id = :comment""")
          .bind("value", value * weight).bind("up", value > 0 ? weight : 0).bind("down", value < 0 ? weight : 0)
          .bind("comment", commentId)
          .execute();
      return true;
    });
  }

  private static int count(Handle h, String where, long commentId, Voter voter) {
    return h.createQuery("SELECT COUNT(*) FROM votes WHERE " + where)
        .bind("acc", voter.accountId()).bind("ip", voter.ipHash()).bind("comment", commentId)
        .mapTo(Integer.class).one();
  }

  /** This voter's votes among the given comments. */
  public Map<Long, Integer> votesBy(String voterHash, Collection<Long> commentIds) {
    Map<Long, Integer> votes = new HashMap<>();
    if (voterHash == null || commentIds.isEmpty()) return votes;
    db.read(h -> h.createQuery(
            "SELECT comment_id, value FROM votes WHERE voter_hash = :voter AND comment_id IN (<ids>)")
        .bind("voter", voterHash)
        .bindList("ids", commentIds)
        .map((rs, ctx) -> Map.entry(rs.getLong("comment_id"), rs.getInt("value")))
        .list())
        .forEach(e -> votes.put(e.getKey(), e.getValue()));
    return votes;
  }
}
