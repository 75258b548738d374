package parley.importing;

import java.util.ArrayList;
import java.util.List;
import parley.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every start of Parley (server or command) repairs before doing anything else: import runs left
 * {@code running} by a killed process become {@code interrupted}, and, once per database, every stored comment body
 * passes the HTML allow-list again (earlier Parley versions stored restored {@code body_html} as it came).
 */
public final class StartupRepairs {
  private static final Logger LOG = LoggerFactory.getLogger(StartupRepairs.class);
  static final String SANITIZE = "sanitize-comment-html";
  private static final int BATCH = 1_000;

  private StartupRepairs() {}

  public static void run(Database db) {
    int interrupted = new ImportRuns(db).markInterrupted();
    if (interrupted > 0) LOG.warn("{} import run(s) were interrupted (their process ended): marked 'interrupted'", interrupted);
    if (pending(db, SANITIZE)) {
      long changed = sanitizeStoredHtml(db);
      db.write(h -> h.createUpdate("DELETE FROM pending_repairs WHERE name = :n").bind("n", SANITIZE).execute());
      if (changed > 0) LOG.warn("{} stored comment bodies carried HTML outside the allow-list: sanitized", changed);
    }
  }

  private static boolean pending(Database db, String name) {
    return db.read(h -> h.createQuery("SELECT COUNT(*) FROM pending_repairs WHERE name = :n").bind("n", name)
        .mapTo(Integer.class).one()) > 0;
  }

  /** Reads bodies in id order, page by page, and rewrites only those the allow-list changes. */
  static long sanitizeStoredHtml(Database db) {
    record Body(long id, String html) {}
    long changed = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      long from = after;
      List<Body> page = db.read(h -> h.createQuery(
              "SELECT id, body_html FROM comments WHERE id > :after ORDER BY id LIMIT " + BATCH)
          .bind("after", from).map((rs, ctx) -> new Body(rs.getLong(1), rs.getString(2))).list());
      if (page.isEmpty()) return changed;
      List<Body> dirty = new ArrayList<>();
      for (Body b : page) {
        String clean = HtmlBody.sanitizeStored(b.html());
        if (clean != null && !clean.equals(b.html())) dirty.add(new Body(b.id(), clean));
      }
      if (!dirty.isEmpty()) {
        db.write(h -> {
          var batch = h.prepareBatch("UPDATE comments SET body_html = :html WHERE id = :id");
          dirty.forEach(b -> batch.bind("html", b.html()).bind("id", b.id()).add());
          return batch.execute();
        });
      }
      changed += dirty.size();
      after = page.get(page.size() - 1).id();
    }
  }
}
