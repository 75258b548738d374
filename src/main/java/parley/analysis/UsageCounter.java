package parley.analysis;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.store.Database;

/**
 * Per-key usage counts ("requests", "suggestions", "throttled", attribute names), counted in memory on the hot path
 * and added to {@code analysis_usage} by one transaction every {@link #FLUSH_SECONDS} seconds and on {@link #close}.
 * A failed flush puts its counts back for the next one. Thread-safe.
 */
public final class UsageCounter implements AutoCloseable {
  static final int FLUSH_SECONDS = 2;
  private static final Logger log = LoggerFactory.getLogger(UsageCounter.class);

  record Metric(long keyId, String name) {}

  private final Database db;
  private final ConcurrentHashMap<Metric, LongAdder> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "parley-usage-flush");
    t.setDaemon(true);
    return t;
  });

  private final Clock clock;

  public UsageCounter(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
    flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  public void add(long keyId, String metric, long n) {
    pending.computeIfAbsent(new Metric(keyId, metric), m -> new LongAdder()).add(n);
  }

  /** Writes every pending count; synchronized so a scheduled flush and close() never interleave. */
  public synchronized void flush() {
    Map<Metric, Long> batch = new java.util.HashMap<>();
    // sumThenReset takes each cell's value atomically: an increment racing with it lands in this batch or the next
    pending.forEach((metric, adder) -> {
      long n = adder.sumThenReset();
      if (n != 0) batch.put(metric, n);
    });
    if (batch.isEmpty()) return;
    try {
      long now = clock.millis();
      db.write(h -> {
        var upsert = h.prepareBatch("""
            INSERT INTO analysis_usage (key_id, metric, count, updated_at) VALUES (:key, :metric, :n, :now)
            ON CONFLICT (key_id, metric) DO UPDATE
            SET count = analysis_usage.count + excluded.count, updated_at = excluded.updated_at""");
        batch.forEach((m, n) -> upsert.bind("key", m.keyId()).bind("metric", m.name()).bind("n", n).bind("now", now).add());
        return upsert.execute();
      });
    } catch (RuntimeException e) {
      batch.forEach((m, n) -> add(m.keyId(), m.name(), n));
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("Could not write API usage counters; will retry: {}", e.toString());
    }
  }

  /** Per metric, the stored counts of one key (pending counts are not included: flush first). */
  public static Map<String, Long> stored(Database db, long keyId) {
    return db.read(h -> h.createQuery("SELECT metric, count FROM analysis_usage WHERE key_id = :key")
        .bind("key", keyId)
        .reduceRows(new java.util.TreeMap<String, Long>(), (map, row) -> {
          map.put(row.getColumn("metric", String.class), row.getColumn("count", Long.class));
          return map;
        }));
  }

  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
