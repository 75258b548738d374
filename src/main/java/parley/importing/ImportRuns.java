package parley.importing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import parley.store.Database;

/**
 * The log of import runs: one row per run, marked done or failed with its error, so a failed run is never silent.
 * A run records its owner (host, process id and start) and a heartbeat, so that a run whose process was killed
 * outright is marked {@code interrupted} by the next start ({@link #markInterrupted}) instead of staying
 * {@code running} forever.
 */
final class ImportRuns {
  /** A run of another host whose heartbeat is this old is taken for dead: batches commit every few seconds. */
  static final long STALE_MILLIS = 60 * 60 * 1000;
  private static final long BEAT_EVERY_MILLIS = 10_000;
  private final Database db;
  private volatile long lastBeat;

  ImportRuns(Database db) {
    this.db = db;
  }

  long start(String siteId, String format, String fileName) {
    long now = System.currentTimeMillis();
    lastBeat = now;
    return db.write(h -> h.createQuery("""
            INSERT INTO import_runs (site_id, format, file_name, started_at, status, owner, heartbeat_at)
            VALUES (:site, :format, :file, :now, 'running', :owner, :now) RETURNING id""")
        .bind("site", siteId).bind("format", format).bind("file", fileName).bind("now", now)
        .bind("owner", Owner.current().toString())
        .mapTo(Long.class).one());
  }

  /** Called after each batch; writes at most every few seconds. */
  void beat(long run) {
    long now = System.currentTimeMillis();
    if (now - lastBeat < BEAT_EVERY_MILLIS) return;
    lastBeat = now;
    db.write(h -> h.createUpdate("UPDATE import_runs SET heartbeat_at = :now WHERE id = :id")
        .bind("now", now).bind("id", run).execute());
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

  /**
   * Marks runs whose process is gone as interrupted: on this host, when the recorded process no longer runs; of
   * another host (or with no owner, from before owners were recorded), when the heartbeat is over an hour old.
   * Returns how many were marked.
   */
  int markInterrupted() {
    record Running(long id, String owner, Long heartbeat, long started) {}
    List<Running> running = db.read(h -> h.createQuery(
            "SELECT id, owner, heartbeat_at, started_at FROM import_runs WHERE status = 'running'")
        // not getObject(3, Long.class): sqlite-jdbc throws on a NULL there, and runs left by releases before V40 have none
        .map((rs, ctx) -> {
          long beat = rs.getLong(3);
          return new Running(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : beat, rs.getLong(4));
        })
        .list());
    long now = System.currentTimeMillis();
    int marked = 0;
    for (Running r : running) {
      long last = r.heartbeat() == null ? r.started() : r.heartbeat();
      boolean dead = Owner.parse(r.owner()).map(Owner::isGone).orElse(false) || now - last > STALE_MILLIS;
      if (!dead) continue;
      marked += db.write(h -> h.createUpdate("""
              UPDATE import_runs SET status = 'interrupted', finished_at = :now,
                error = 'interrupted: the process ended before the run finished (import the file again to complete it)'
              WHERE id = :id AND status = 'running'""")
          .bind("now", now).bind("id", r.id()).execute());
    }
    return marked;
  }

  /** The process running an import: host name, process id and the process's start time. */
  record Owner(String host, long pid, long startedAt) {
    static Owner current() {
      ProcessHandle self = ProcessHandle.current();
      return new Owner(hostName(), self.pid(), startOf(self));
    }

    static Optional<Owner> parse(String text) {
      if (text == null) return Optional.empty();
      String[] parts = text.split(" ");
      try {
        return parts.length == 3
            ? Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** True when this owner ran on this host and its process has ended (a reused pid has another start time). */
    boolean isGone() {
      if (!host.equals(hostName())) return false;
      return ProcessHandle.of(pid).map(p -> startedAt != 0 && startOf(p) != 0 && startOf(p) != startedAt)
          .orElse(true);
    }

    private static long startOf(ProcessHandle p) {
      return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
      try {
        return InetAddress.getLocalHost().getHostName().replace(' ', '_');
      } catch (UnknownHostException e) {
        return "unknown-host";
      }
    }

    @Override
    public String toString() {
      return host + " " + pid + " " + startedAt;
    }
  }
}
