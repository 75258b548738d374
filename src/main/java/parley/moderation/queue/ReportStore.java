package parley.moderation.queue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import parley.comment.CommentEvent;
import parley.comment.CommentEvents;
import parley.comment.CommentStore;
import parley.store.Database;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** Reader reports on comments; K reports on a published comment put it in the reported queue. */
public final class ReportStore {
  public static final Set<String> REASONS = Set.of("abuse", "spam", "off-topic", "misinformation", "other");
  private final Database db;

  private final Clock clock;
  private final CommentEvents events;

  public ReportStore(Database db, Clock clock) {
    this(db, clock, CommentEvents.NONE);
  }

  /** {@code events} hear when a comment reaches the reported queue, in the report's transaction. */
  public ReportStore(Database db, Clock clock, CommentEvents events) {
    this.events = events;
    this.clock = clock;
    this.db = db;
  }

  public record Report(String reason, String note, java.time.Instant at) {}

  /** Anonymous reports one address may make in a day that still carry weight. */
  static final int WEIGHED_REPORTS_PER_ADDRESS_AND_DAY = 20;

  /**
   * Records the report; returns the comment's report count. Refuses a second report by the same reader. A signed-in
   * reader's report weighs 1; an anonymous one weighs 1 only if its address has not already weighed in on this
   * comment and has not made {@value #WEIGHED_REPORTS_PER_ADDRESS_AND_DAY} weighed reports today, else 0 (kept for
   * moderators). The comment reaches the reported queue when the weights reach {@code reportsToQueue}.
   */
  public int report(long commentId, String reporterKey, String reason, String note, int reportsToQueue) {
    return report(commentId, reporterKey, null, reason, note, reportsToQueue);
  }

  public int report(long commentId, String reporterKey, String ipHash, String reason, String note, int reportsToQueue) {
    if (!REASONS.contains(reason)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'reason' is one of abuse, spam, off-topic, misinformation, other.");
    }
    return db.write(h -> {
      long now = clock.millis();
      int weight = reporterKey.startsWith("account:") || ipHash == null ? 1 : h.createQuery("""
              SELECT CASE WHEN SUM(CASE WHEN comment_id = :comment THEN 1 ELSE 0 END) > 0 OR COUNT(*) >= :cap
                THEN 0 ELSE 1 END
              FROM reports WHERE ip_hash = :ip AND weight > 0 AND reporter_key NOT LIKE 'account:%' AND created_at > :since""")
          .bind("comment", commentId).bind("cap", WEIGHED_REPORTS_PER_ADDRESS_AND_DAY).bind("ip", ipHash)
          .bind("since", now - 86_400_000L).mapTo(Integer.class).one();
      int added = h.createUpdate("""
              INSERT INTO reports (comment_id, reporter_key, reason, note, created_at, ip_hash, weight)
              VALUES (:comment, :reporter, :reason, :note, :now, :ip, :weight)
              ON CONFLICT (comment_id, reporter_key) DO NOTHING""")
          .bind("comment", commentId).bind("reporter", reporterKey).bind("reason", reason).bind("note", note)
          .bind("now", now).bind("ip", ipHash).bind("weight", weight).execute();
      if (added == 0) throw new ApiException(ErrorCode.ALREADY_REPORTED);
      CommentStore.ReportTally after = CommentStore.addReport(h, commentId, weight, reportsToQueue);
      if (!after.wasOpen() && after.open()) events.emit(h, CommentEvent.Kind.REPORTED, commentId);
      return after.count();
    });
  }

  public List<Report> forComment(long commentId) {
    return db.read(h -> h.createQuery(
            "SELECT reason, note, created_at FROM reports WHERE comment_id = :comment ORDER BY id DESC LIMIT 50")
        .bind("comment", commentId)
        .map((rs, ctx) -> new Report(rs.getString("reason"), rs.getString("note"),
            java.time.Instant.ofEpochMilli(rs.getLong("created_at")))).list());
  }

  /** A report on one of an author's comments, for their user page. */
  public record Against(long commentId, String reason, String note, java.time.Instant at) {}

  /** Reports on the author's comments on the site, newest first. */
  public List<Against> againstAuthor(String siteId, parley.moderation.AuthorRef author, int limit) {
    return db.read(h -> author.bind(h.createQuery("""
            SELECT r.comment_id, r.reason, r.note, r.created_at FROM reports r
            JOIN comments c ON c.id = r.comment_id JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site AND\s""" + author.where() + " ORDER BY r.id DESC LIMIT :limit"))
        .bind("site", siteId).bind("limit", limit)
        .map((rs, ctx) -> new Against(rs.getLong("comment_id"), rs.getString("reason"), rs.getString("note"),
            java.time.Instant.ofEpochMilli(rs.getLong("created_at")))).list());
  }
}
