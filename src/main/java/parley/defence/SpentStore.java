package parley.defence;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import parley.store.Database;

/**
 * Proof-of-work solutions already used, kept until their challenge expires: the table's primary key makes "first
 * use wins" hold across every instance sharing the database. Thread-safe.
 */
public final class SpentStore {
  private static final long PURGE_EVERY_MILLIS = 60_000;

  private final Database db;
  private final Clock clock;
  private final AtomicLong lastPurge = new AtomicLong();

  public SpentStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** True when this is the first use of {@code signature}; false when it was spent before. */
  public boolean spend(String signature, long expiresAtMillis) {
    purgeNowAndThen();
    return db.write(h -> h.createUpdate("""
            INSERT INTO pow_spent (signature, expires_at) VALUES (:sig, :exp) ON CONFLICT (signature) DO NOTHING""")
        .bind("sig", signature).bind("exp", expiresAtMillis).execute()) == 1;
  }

  // expired solutions are refused by their expiry anyway; dropping them keeps the table as small as the traffic
  private void purgeNowAndThen() {
    long now = clock.millis();
    long last = lastPurge.get();
    if (now - last < PURGE_EVERY_MILLIS || !lastPurge.compareAndSet(last, now)) return;
    db.write(h -> h.createUpdate("DELETE FROM pow_spent WHERE expires_at < :now").bind("now", now).execute());
  }
}
