package parley.thread;

import java.time.Instant;

/**
 * The discussion under one page of a site, identified by the site's own page key.
 *
 * @param version bumped by database triggers in the same transaction as every write that changes what a reader of
 *     this thread sees; a cached page is current while the version is
 * @param publishedCount published comments, kept by the same triggers
 */
public record CommentThread(
    long id, String siteId, String pageKey, String url, String title, boolean closed, Instant createdAt,
    long version, int publishedCount) {}
