package parley.thread;

import org.jdbi.v3.core.Handle;
import parley.store.Database;

/** SQL for a site's article defaults (table {@code article_defaults}, one row per site once an admin saved them). */
public final class ArticleDefaultsStore {
  private final Database db;

  public ArticleDefaultsStore(Database db) {
    this.db = db;
  }

  /** The site's defaults, or {@link ArticleDefaults#NONE} if none were saved. */
  public ArticleDefaults get(String siteId) {
    return db.read(h -> h.createQuery("SELECT * FROM article_defaults WHERE site_id = :site").bind("site", siteId)
        .map((rs, ctx) -> {
          int days = rs.getInt("close_after_days");
          Integer after = rs.wasNull() ? null : days;
          return new ArticleDefaults(rs.getBoolean("premoderate"), after, rs.getString("notice"), rs.getBoolean("qa"));
        })
        .findOne().orElse(ArticleDefaults.NONE));
  }

  /**
   * Replaces the site's defaults inside the caller's write, and bumps the version of every thread of the site: each
   * may inherit them, and a cached page is current only while its version is.
   */
  public void put(Handle h, String siteId, ArticleDefaults d) {
    h.createUpdate("""
            INSERT INTO article_defaults (site_id, premoderate, close_after_days, notice, qa)
            VALUES (:site, :pre, :days, :notice, :qa)
            ON CONFLICT (site_id) DO UPDATE SET premoderate = excluded.premoderate,
              close_after_days = excluded.close_after_days, notice = excluded.notice, qa = excluded.qa""")
        .bind("site", siteId).bind("pre", d.premoderate()).bind("days", d.closeAfterDays()).bind("notice", d.notice())
        .bind("qa", d.qa()).execute();
    h.createUpdate("UPDATE threads SET version = version + 1 WHERE site_id = :site").bind("site", siteId).execute();
  }
}
