package parley.moderation.queue;

import java.util.List;
import java.util.Set;
import parley.store.Database;
import parley.web.ApiException;
import parley.web.ErrorCode;

/** Reader reports on comments; K reports on a published comment put it in the reported queue. */
public final class ReportStore {
  public static final Set<String> REASONS = Set.of("abuse", "spam", "off-topic", "misinformation", "other");
  private final Database db;

  public ReportStore(Database db) {
    this.db = db;
  }

  public record Report(String reason, String note, java.time.Instant at) {}

  /** Records the report; returns the comment's report count. Refuses a second report by the same reader. */
  public int report(long commentId, String reporterKey, String reason, String note, int reportsToQueue) {
    if (!REASONS.contains(reason)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'reason' is one of abuse, spam, off-topic, misinformation, other.");
    }
    return db.write(h -> {
      int added = h.createUpdate("""
              INSERT INTO reports (comment_id, reporter_key, reason, note, created_at)
              VALUES (:comment, :reporter, :reason, :note, :now) ON CONFLICT (comment_id, reporter_key) DO NOTHING""")
          .bind("comment", commentId).bind("reporter", reporterKey).bind("reason", reason).bind("note", note)
          .bind("now", System.currentTimeMillis()).execute();
      if (added == 0) throw new ApiException(ErrorCode.ALREADY_REPORTED);
      h.createUpdate("""
              UPDATE comments SET report_count = report_count + 1,
                report_open = CASE WHEN report_count + 1 >= :k AND state = 'published' THEN 1 ELSE report_open END
              WHERE id = :comment""")
          .bind("k", reportsToQueue).bind("comment", commentId).execute();
      return h.createQuery("SELECT report_count FROM comments WHERE id = :comment").bind("comment", commentId)
          .mapTo(Integer.class).one();
    });
  }

  public List<Report> forComment(long commentId) {
    return db.read(h -> h.createQuery(
            "SELECT reason, note, created_at FROM reports WHERE comment_id = :comment ORDER BY id DESC LIMIT 50")
        .bind("comment", commentId)
        .map((rs, ctx) -> new Report(rs.getString("reason"), rs.getString("note"),
            java.time.Instant.ofEpochMilli(rs.getLong("created_at")))).list());
  }
}
