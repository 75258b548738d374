package parley.thread;

import java.time.Instant;

/**
 * The discussion under one page of a site, identified by the site's own page key.
 *
 * @param version bumped by database triggers in the same transaction as every write that changes what a reader of
 *     this thread sees; a cached page is current while the version is
 * @param publishedCount published comments, kept by the same triggers
 * @param settings the moderator's per-article settings
 */
public record CommentThread(
    long id, String siteId, String pageKey, String url, String title, boolean closed, Instant createdAt,
    long version, int publishedCount, ThreadSettings settings) {

  /** Closed by a moderator, or past its closing time. */
  public boolean closedAt(Instant now) {
    return closed || settings.closedAt(now);
  }
}
