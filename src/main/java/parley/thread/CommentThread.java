package parley.thread;

import java.time.Instant;

/** The discussion under one page of a site, identified by the site's own page key. */
public record CommentThread(
    long id, String siteId, String pageKey, String url, String title, boolean closed, Instant createdAt) {}
