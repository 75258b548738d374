package parley.moderation.queue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import parley.moderation.AuthorRef;
import parley.moderation.AuthorStore;
import parley.moderation.Trust;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** Reading the queues: pages of comments, one comment in full context, the audit log. */
public final class QueueService {
  private final QueueStore queue;
  private final AuthorStore authors;
  private final ReportStore reports;
  private final AuditStore audit;
  private final BiFunction<String, AuthorRef, Trust> trust;

  /** Without trust scores: for views that only count queues. */
  public QueueService(QueueStore queue, AuthorStore authors, ReportStore reports, AuditStore audit) {
    this(queue, authors, reports, audit, (site, author) -> null);
  }

  /** {@code trust}: the site's policy weighing an author's record (ModerationService#trust). */
  public QueueService(QueueStore queue, AuthorStore authors, ReportStore reports, AuditStore audit,
      BiFunction<String, AuthorRef, Trust> trust) {
    this.trust = trust;
    this.queue = queue;
    this.authors = authors;
    this.reports = reports;
    this.audit = audit;
  }

  /**
   * A comment with what a moderator needs to judge it: the author's record, trust (null where not wired) and recent
   * comments, reports.
   */
  public record Detail(QueueItem comment, AuthorStore.Counts authorCounts, List<QueueItem> authorRecent,
      List<ReportStore.Report> reports, Trust authorTrust) {}

  public List<QueueItem> list(String siteId, Queue q, Long beforeId, int limit) {
    return queue.list(siteId, q, beforeId, limit);
  }

  public Detail detail(String siteId, long commentId) {
    QueueItem c = queue.find(siteId, commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
    return detail(c);
  }

  public Detail detail(QueueItem c) {
    List<QueueItem> recent = queue.byAuthor(c.siteId(), c, 6).stream().filter(o -> o.id() != c.id()).limit(5).toList();
    return new Detail(c, authors.counts(c.siteId(), c.author()), recent, reports.forComment(c.id()),
        trust.apply(c.siteId(), c.author()));
  }

  /** The trust of the comment's author, with what made it. */
  public Trust trust(String siteId, long commentId) {
    QueueItem c = queue.find(siteId, commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
    return trust.apply(siteId, c.author());
  }

  /** Pending and reported comments per site, for the metrics page. */
  public List<QueueStore.SiteQueueSize> openWork() {
    return queue.openWork();
  }

  public Map<Queue, Integer> counts(String siteId) {
    return queue.counts(siteId);
  }

  public List<AuditEntry> audit(String siteId, Long beforeId, int limit) {
    return audit.list(siteId, beforeId, limit);
  }

  /** A reader's report on a comment; see {@link ReportStore#report(long, String, String, String, String, int)}. */
  public int report(long commentId, String reporterKey, String ipHash, String reason, String note, int reportsToQueue) {
    return reports.report(commentId, reporterKey, ipHash, reason, note, reportsToQueue);
  }

  public List<QueueItem> featured(String siteId, String pageKey) {
    return queue.featured(siteId, pageKey);
  }
}
