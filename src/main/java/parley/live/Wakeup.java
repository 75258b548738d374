package parley.live;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.store.Database;
import parley.store.Dialect;

/**
 * Rings the dispatcher when there may be new events: after every local write, and on PostgreSQL on every NOTIFY
 * from any instance (a dedicated connection LISTENs, reconnecting after a failure). Thread-safe.
 */
public final class Wakeup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Wakeup.class);
  private final Semaphore rings = new Semaphore(0);
  private final Database db;
  private final Thread listener;
  private volatile boolean running = true;
  private volatile Connection connection;

  public Wakeup(Database db) {
    this.db = db;
    db.afterWrites(this::ring);
    listener = db.dialect() == Dialect.POSTGRESQL
        ? Thread.ofPlatform().daemon().name("parley-live-listen").start(this::listen) : null;
  }

  void ring() {
    if (rings.availablePermits() == 0) rings.release();
  }

  /** Waits for a ring (or the timeout), then forgets every ring so far: one read serves them all. */
  void await(long timeout, TimeUnit unit) throws InterruptedException {
    if (rings.tryAcquire(timeout, unit)) rings.drainPermits();
  }

  private void listen() {
    long backoff = 500;
    while (running) {
      try (Connection c = db.dedicatedConnection(); Statement s = c.createStatement()) {
        connection = c;
        s.execute("LISTEN " + EventLog.CHANNEL);
        ring(); // events may have come while we were not listening
        backoff = 500;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          var notes = pg.getNotifications(5_000);
          if (notes != null && notes.length > 0) ring();
        }
      } catch (Exception e) {
        if (!running) return;
        log.warn("Live updates: LISTEN connection lost ({}); reconnecting in {} ms", e.getMessage(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException stop) {
          return;
        }
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing to stop the listener; nothing else to do
      }
    }
    if (listener != null) listener.interrupt();
  }
}
