package parley.thread;

import java.time.Instant;

/**
 * The discussion under one page of a site, identified by the site's own page key.
 *
 * @param version bumped by database triggers in the same transaction as every write that changes what a reader of
 *     this thread sees; a cached page is current while the version is
 * @param publishedCount published comments, kept by the same triggers
 * @param settings the moderator's per-article settings (the article's own; see {@link #effective()})
 * @param defaults the site's defaults that the article inherits where it sets nothing itself
 */
public record CommentThread(
    long id, String siteId, String pageKey, String url, String title, boolean closed, Instant createdAt,
    long version, int publishedCount, ThreadSettings settings, ArticleDefaults defaults) {

  /** The settings in force: the article's own over the site's defaults. */
  public SettingsInForce effective() {
    return defaults.applyTo(settings, createdAt);
  }

  /** Closed by a moderator, or past its (own or inherited) closing time. */
  public boolean closedAt(Instant now) {
    return closed || effective().closedAt(now);
  }
}
