package parley;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.mail.Delivery;
import parley.mail.MailConfig;
import parley.mail.Outbox;
import parley.mail.OutboxKind;
import parley.mail.OutboxWorker;
import parley.mail.SmtpSender;
import parley.store.Database;

/** Wiring for the outbox and what it delivers, kept apart so App stays short. */
final class MailWiring {
  private static final Logger log = LoggerFactory.getLogger(MailWiring.class);

  private MailWiring() {}

  /** What one process runs for outgoing messages; the worker starts once the server is up. */
  record Mailing(MailConfig config, Outbox outbox, OutboxWorker worker) implements AutoCloseable {
    @Override
    public void close() {
      worker.close();
    }
  }

  static Mailing mailing(Database db, MailConfig config, Clock clock) {
    Map<OutboxKind, Delivery> deliveries = new EnumMap<>(OutboxKind.class);
    if (config.enabled()) {
      deliveries.put(OutboxKind.EMAIL, new SmtpSender(config));
      log.info("Email on: SMTP {}:{} ({}), from {}", config.host(), config.port(), config.security(), config.from());
    } else {
      log.info("Email off: no smtp.host configured; reply notifications and moderator digests are not offered");
    }
    Outbox outbox = new Outbox(db, clock);
    return new Mailing(config, outbox, new OutboxWorker(outbox, deliveries, config));
  }
}
