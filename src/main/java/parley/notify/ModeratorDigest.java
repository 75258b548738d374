package parley.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import parley.mail.Email;
import parley.mail.Outbox;
import parley.mail.OutboxKind;
import parley.store.Database;

/**
 * Emails each moderator of a site how many comments wait in its queues, once per interval and only when something
 * is waiting. Every instance runs it; the dedupe key (site, address, interval number) lets only the first enqueue.
 */
public final class ModeratorDigest {
  /** The work waiting on one site: pending and reported comments. */
  public record Waiting(int pending, int reported) {}

  private final Database db;
  private final Outbox outbox;
  private final Supplier<Map<String, Waiting>> waiting;
  private final Function<String, List<String>> moderatorEmails;
  private final Supplier<String> baseUrl;
  private final Duration every;
  private final Clock clock;

  public ModeratorDigest(Database db, Outbox outbox, Supplier<Map<String, Waiting>> waiting,
      Function<String, List<String>> moderatorEmails, Supplier<String> baseUrl, Duration every, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.waiting = waiting;
    this.moderatorEmails = moderatorEmails;
    this.baseUrl = baseUrl;
    this.every = every;
    this.clock = clock;
  }

  /** One round; returns how many digests this call enqueued (another instance may have enqueued the rest). */
  public int run() {
    long interval = clock.millis() / every.toMillis();
    int added = 0;
    for (Map.Entry<String, Waiting> site : waiting.get().entrySet()) {
      Waiting w = site.getValue();
      if (w.pending() + w.reported() == 0) continue;
      for (String to : moderatorEmails.apply(site.getKey())) {
        Email email = digest(site.getKey(), to, w);
        String key = "digest:" + site.getKey() + ":" + to + ":" + interval;
        if (db.write(h -> outbox.enqueue(h, OutboxKind.EMAIL, Outbox.json(email), key))) added++;
      }
    }
    return added;
  }

  private Email digest(String site, String to, Waiting w) {
    String queue = baseUrl.get() + "/admin/" + site + "/queue/pending";
    String text = """
        Site %s has %d comment(s) awaiting moderation and %d reported comment(s).

        Open the queue: %s

        --
        You get this as a moderator of %s; the interval is set by notify.digest.minutes (0 turns digests off).
        """.formatted(site, w.pending(), w.reported(), queue, site);
    return new Email(to, "[" + site + "] " + w.pending() + " comment(s) awaiting moderation", text);
  }
}
