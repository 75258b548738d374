package parley.importing;

import parley.store.Database;

/** The log of import runs: one row per run, marked done or failed with its error, so a failed run is never silent. */
final class ImportRuns {
  private final Database db;

  ImportRuns(Database db) {
    this.db = db;
  }

  long start(String siteId, String format, String fileName) {
    return db.write(h -> h.createQuery("""
            INSERT INTO import_runs (site_id, format, file_name, started_at, status)
            VALUES (:site, :format, :file, :now, 'running') RETURNING id""")
        .bind("site", siteId).bind("format", format).bind("file", fileName).bind("now", System.currentTimeMillis())
        .mapTo(Long.class).one());
  }

  void done(long run, ImportReport report) {
    db.write(h -> h.createUpdate("""
            UPDATE import_runs SET status = 'done', finished_at = :now, threads = :threads, comments = :comments,
              warnings = :warnings WHERE id = :id""")
        .bind("now", System.currentTimeMillis()).bind("threads", report.threads()).bind("comments", report.comments())
        .bind("warnings", report.warningCount()).bind("id", run).execute());
  }

  void failed(long run, String error) {
    db.write(h -> h.createUpdate("UPDATE import_runs SET status = 'failed', finished_at = :now, error = :error WHERE id = :id")
        .bind("now", System.currentTimeMillis()).bind("error", error).bind("id", run).execute());
  }
}
