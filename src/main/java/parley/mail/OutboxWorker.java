package parley.mail;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's sender loop: claims due rows, delivers them one by one, settles each. Owns one platform thread;
 * {@link #close} interrupts it and waits briefly, leaving a row in flight leased (another instance, or this one
 * restarted, takes it once the lease runs out).
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final int BATCH = 20;
  /** Sent rows are kept this long (for "was it sent?" questions), then deleted so the table stays small. */
  static final Duration KEEP_SENT = Duration.ofDays(7);

  private final Outbox outbox;
  private final Map<OutboxKind, Delivery> deliveries;
  private final MailConfig config;
  private final String owner = UUID.randomUUID().toString();
  private final Thread thread;
  private volatile boolean running = true;
  private long nextPurge; // System.nanoTime() of the next clean-up; only the worker thread reads and writes it

  public OutboxWorker(Outbox outbox, Map<OutboxKind, Delivery> deliveries, MailConfig config) {
    this.outbox = outbox;
    this.deliveries = Map.copyOf(deliveries);
    this.config = config;
    this.thread = new Thread(this::loop, "parley-outbox");
    thread.setDaemon(true);
  }

  public OutboxWorker start() {
    thread.start();
    return this;
  }

  private void loop() {
    while (running) {
      try {
        int done = runOnce();
        if (done == 0) {
          purgeNowAndThen();
          Thread.sleep(config.poll().toMillis());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the database is briefly unreachable or the disk full: try again on the next tick
        log.warn("Outbox pass failed: {}", e.toString());
        try {
          Thread.sleep(config.poll().toMillis());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void purgeNowAndThen() {
    if (System.nanoTime() - nextPurge < 0) return;
    nextPurge = System.nanoTime() + Duration.ofHours(1).toNanos();
    int purged = outbox.purgeSent(KEEP_SENT);
    if (purged > 0) log.info("Outbox: deleted {} sent rows older than {}", purged, KEEP_SENT);
  }

  /** One pass: claim and deliver what is due; returns how many rows were handled. */
  int runOnce() throws InterruptedException {
    var items = outbox.claim(owner, deliveries.keySet(), config.lease(), BATCH, config.maxAttempts());
    for (OutboxItem item : items) {
      if (!running) return items.size(); // the rest stay leased and are taken over after the lease
      deliver(item);
    }
    return items.size();
  }

  private void deliver(OutboxItem item) throws InterruptedException {
    try {
      deliveries.get(item.kind()).deliver(item);
      outbox.settle(item.id(), owner, OutboxState.SENT, null, null);
    } catch (Delivery.Permanent e) {
      log.warn("Outbox row {} ({}) failed for good: {}", item.id(), item.kind(), e.getMessage());
      outbox.settle(item.id(), owner, OutboxState.FAILED, null, e.getMessage());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted() || !running) throw new InterruptedException("stopping");
      boolean last = item.attempts() >= config.maxAttempts();
      Duration wait = config.backoff(item.attempts());
      log.info("Outbox row {} ({}) try {} failed{}: {}", item.id(), item.kind(), item.attempts(),
          last ? ", giving up" : ", next in " + wait, e.toString());
      outbox.settle(item.id(), owner, last ? OutboxState.FAILED : OutboxState.PENDING, wait, e.toString());
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
