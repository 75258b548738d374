package parley;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.auth.AccountStore;
import parley.comment.CommentEvents;
import parley.comment.CommentService;
import parley.mail.Delivery;
import parley.mail.MailConfig;
import parley.mail.Outbox;
import parley.mail.OutboxKind;
import parley.mail.OutboxState;
import parley.mail.OutboxWorker;
import parley.mail.SmtpSender;
import parley.moderation.queue.Queue;
import parley.moderation.queue.QueueStore;
import parley.notify.ModeratorDigest;
import parley.notify.NotifyHandlers;
import parley.notify.NotifyService;
import parley.ops.Telemetry;
import parley.site.Origins;
import parley.store.Database;
import parley.webhook.WebhookHandlers;
import parley.webhook.WebhookSender;
import parley.webhook.WebhookService;

/** Wiring for the outbox and what it delivers (emails, webhooks), kept apart so App stays short. */
final class MailWiring {
  private static final Logger log = LoggerFactory.getLogger(MailWiring.class);

  private MailWiring() {}

  /** What one process runs for outgoing messages; {@link #start} once the server is up. */
  record Mailing(MailConfig config, Outbox outbox, OutboxWorker worker, NotifyService replies, WebhookService webhooks,
      ModeratorDigest digest, ScheduledExecutorService timer) implements AutoCloseable {

    void start() {
      worker.start();
      if (digest != null) {
        long every = config.digestEvery().toMillis();
        timer.scheduleAtFixedRate(() -> {
          try {
            digest.run();
          } catch (RuntimeException e) {
            log.warn("Moderator digest failed: {}", e.toString());
          }
        }, every, every, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void close() {
      timer.shutdownNow();
      worker.close();
    }
  }

  static Mailing mailing(Database db, MailConfig config, CommentService comments, CommentEvents events,
      Supplier<String> baseUrl, Telemetry telemetry, Clock clock) {
    Outbox outbox = new Outbox(db, clock);
    outboxRows(outbox, telemetry);
    Map<OutboxKind, Delivery> deliveries = new EnumMap<>(OutboxKind.class);
    NotifyService notify = new NotifyService(db, outbox, comments, baseUrl, clock);
    WebhookService webhooks = new WebhookService(db, outbox, clock);
    events.listen(webhooks);
    deliveries.put(OutboxKind.WEBHOOK, new WebhookSender(webhooks, clock));
    ModeratorDigest digest = null;
    if (config.enabled()) {
      deliveries.put(OutboxKind.EMAIL, new SmtpSender(config));
      events.listen(notify);
      if (!config.digestEvery().isZero()) digest = digest(db, outbox, baseUrl, config, clock);
      log.info("Email on: SMTP {}:{} ({}), from {}", config.host(), config.port(), config.security(), config.from());
    } else {
      log.info("Email off: no smtp.host configured; reply notifications and moderator digests are not offered");
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "parley-digest");
      t.setDaemon(true);
      return t;
    });
    return new Mailing(config, outbox, new OutboxWorker(outbox, deliveries, config), notify, webhooks, digest, timer);
  }

  // rows per state, counted when Prometheus scrapes: a growing "failed" or "pending" is worth an alert
  private static void outboxRows(Outbox outbox, Telemetry telemetry) {
    MultiGauge rows = MultiGauge.builder("parley.outbox.rows").description("Outbox rows (emails, webhook calls) by state")
        .register(telemetry.registry());
    telemetry.refreshBeforeScrape(() -> {
      Map<OutboxState, Integer> counts = outbox.counts();
      rows.register(java.util.Arrays.stream(OutboxState.values())
          .map(s -> MultiGauge.Row.of(Tags.of("state", s.key()), counts.getOrDefault(s, 0))).toList(), true);
    });
  }

  private static ModeratorDigest digest(Database db, Outbox outbox, Supplier<String> baseUrl, MailConfig config, Clock clock) {
    QueueStore queue = new QueueStore(db);
    AccountStore accounts = new AccountStore(db, clock);
    return new ModeratorDigest(db, outbox, () -> {
      Map<String, int[]> sizes = new HashMap<>();
      for (var s : queue.openWork()) {
        sizes.computeIfAbsent(s.siteId(), k -> new int[2])[s.queue() == Queue.PENDING ? 0 : 1] += (int) s.size();
      }
      Map<String, ModeratorDigest.Waiting> out = new HashMap<>();
      sizes.forEach((site, n) -> out.put(site, new ModeratorDigest.Waiting(n[0], n[1])));
      return out;
    }, site -> accounts.members(site).stream().map(AccountStore.Member::email).filter(Objects::nonNull).toList(),
        baseUrl, config.digestEvery(), clock);
  }

  static NotifyHandlers notifyHandlers(Mailing m, Origins origins) {
    return new NotifyHandlers(m.replies(), m.config().enabled(), origins);
  }

  static WebhookHandlers webhookHandlers(Mailing m) {
    return new WebhookHandlers(m.webhooks());
  }
}
