package parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import parley.store.Database;
import parley.store.Dialect;
import parley.testing.BothDatabases;
import parley.testing.Eventually;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/** The outbox against a real SMTP server (GreenMail) on both databases: delivery, retries, a killed sender, two senders. */
class OutboxTest {
  GreenMail smtp;
  final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void smtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open.reversed()) c.close();
    smtp.stop();
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  private MailConfig config(int port) {
    return MailConfig.defaults().withSmtp("127.0.0.1", port, "Parley <parley@news.example>")
        .withTiming(Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofMillis(20));
  }

  private OutboxWorker worker(Database db, MailConfig config) {
    return keep(new OutboxWorker(new Outbox(db, Clock.systemUTC()), Map.of(OutboxKind.EMAIL, new SmtpSender(config)), config)).start();
  }

  private static void enqueue(Database db, Email... emails) {
    Outbox outbox = new Outbox(db, Clock.systemUTC());
    db.write(h -> {
      for (Email e : emails) outbox.enqueue(h, e);
      return null;
    });
  }

  private static int count(Database db, OutboxState state) {
    return new Outbox(db, Clock.systemUTC()).counts().getOrDefault(state, 0);
  }

  @BothDatabases
  void sendsAnEmailWithItsHeadersAndMarksItSent(Dialect dialect) throws Exception {
    TestDb tdb = keep(TestDatabases.create(dialect));
    Database db = keep(Database.open(tdb.url()));
    enqueue(db, new Email("reader@example.org", "A reply to your comment", "Hello — ünïcode body",
        Map.of("List-Unsubscribe", "<https://x.example/u?t=1>")));
    worker(db, config(smtp.getSmtp().getPort()));

    assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
    MimeMessage m = smtp.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("A reply to your comment");
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
    assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://x.example/u?t=1>");
    assertThat(m.getMessageID()).matches("<outbox-\\d+@news.example>");
    assertThat(((String) m.getContent()).trim()).isEqualTo("Hello — ünïcode body");
    Eventually.until("row marked sent", () -> count(db, OutboxState.SENT) == 1);
  }

  @BothDatabases
  void retriesWithBackoffThenMarksTheRowFailed(Dialect dialect) throws Exception {
    TestDb tdb = keep(TestDatabases.create(dialect));
    Database db = keep(Database.open(tdb.url()));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Properties p = new Properties();
    p.setProperty("outbox.max.attempts", "3");
    MailConfig config = config(closedPort).with(p);
    assertThat(config.backoff(1)).isEqualTo(Duration.ofMillis(20));
    assertThat(config.backoff(3)).isEqualTo(Duration.ofMillis(80));
    assertThat(MailConfig.defaults().backoff(40)).isEqualTo(MailConfig.MAX_RETRY);
    enqueue(db, new Email("reader@example.org", "s", "t"));
    worker(db, config);

    Eventually.until("row marked failed", () -> count(db, OutboxState.FAILED) == 1);
    var row = db.read(h -> h.createQuery("SELECT attempts, last_error FROM outbox").mapToMap().one());
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
    assertThat((String) row.get("last_error")).contains("Connect");
  }

  @BothDatabases
  void aSenderKilledMidSendLosesNothingAndSendsNoDuplicate(Dialect dialect) throws Exception {
    TestDb tdb = keep(TestDatabases.create(dialect));
    Database db = keep(Database.open(tdb.url()));
    enqueue(db, new Email("reader@example.org", "only once", "t"));
    StallingSmtpServer stalling = keep(new StallingSmtpServer());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutboxChild.class.getName(),
        tdb.url(), String.valueOf(stalling.port()), "4").redirectErrorStream(true)
        .redirectOutput(File.createTempFile("outbox-child", ".log")).start();
    try {
      assertThat(stalling.messageBodyReceived.await(60, TimeUnit.SECONDS)).as("the child reached the end of DATA").isTrue();
    } finally {
      child.destroyForcibly().waitFor(); // SIGKILL mid-send: no shutdown hook, no clean-up
    }
    assertThat(count(db, OutboxState.SENDING)).isEqualTo(1);

    worker(db, config(smtp.getSmtp().getPort())); // "the restart": takes the row over once the dead lease runs out
    assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
    Eventually.until("row marked sent", () -> count(db, OutboxState.SENT) == 1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("only once");
  }

  @BothDatabases
  void twoInstancesOnOneDatabaseSendEachEmailOnce(Dialect dialect) throws Exception {
    TestDb tdb = keep(TestDatabases.create(dialect));
    Database one = keep(Database.open(tdb.url()));
    Database two = keep(Database.open(tdb.url()));
    Email[] emails = new Email[60];
    for (int i = 0; i < emails.length; i++) emails[i] = new Email("r" + i + "@example.org", "mail " + i, "t");
    enqueue(one, emails);
    MailConfig config = config(smtp.getSmtp().getPort());
    worker(one, config);
    worker(two, config);

    Eventually.until("all rows sent", () -> count(one, OutboxState.SENT) == emails.length);
    var subjects = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(subjects).hasSize(emails.length).doesNotHaveDuplicates();
    var owners = one.read(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE attempts = 1").mapTo(Integer.class).one());
    assertThat(owners).as("no row was claimed twice").isEqualTo(emails.length);
  }

  @BothDatabases
  void sentRowsAreDeletedAfterAWeekFailedOnesKept(Dialect dialect) throws Exception {
    TestDb tdb = keep(TestDatabases.create(dialect));
    Database db = keep(Database.open(tdb.url()));
    parley.testing.MutableClock clock = new parley.testing.MutableClock(java.time.Instant.parse("2026-12-01T00:00:00Z"));
    Outbox outbox = new Outbox(db, clock);
    db.write(h -> {
      outbox.enqueue(h, new Email("a@example.org", "old", "t"));
      outbox.enqueue(h, new Email("b@example.org", "bad", "t"));
      return null;
    });
    var items = outbox.claim("me", java.util.List.of(OutboxKind.EMAIL), Duration.ofMinutes(1), 10);
    assertThat(outbox.settle(items.get(0).id(), "me", OutboxState.SENT, null, null)).isTrue();
    assertThat(outbox.settle(items.get(1).id(), "someone else", OutboxState.SENT, null, null)).as("not its lease").isFalse();
    assertThat(outbox.settle(items.get(1).id(), "me", OutboxState.FAILED, null, "550 no such user")).isTrue();
    clock.advance(Duration.ofDays(6));
    assertThat(outbox.purgeSent(OutboxWorker.KEEP_SENT)).isZero();
    clock.advance(Duration.ofDays(2));
    assertThat(outbox.purgeSent(OutboxWorker.KEEP_SENT)).isEqualTo(1);
    assertThat(outbox.counts()).isEqualTo(Map.of(OutboxState.FAILED, 1));
  }

  @BothDatabases
  void aRowWhoseSenderDiesOnEveryTryIsFinallyMarkedFailed(Dialect dialect) throws Exception {
    TestDb tdb = keep(TestDatabases.create(dialect));
    Database db = keep(Database.open(tdb.url()));
    parley.testing.MutableClock clock = new parley.testing.MutableClock(java.time.Instant.parse("2026-12-01T00:00:00Z"));
    Outbox outbox = new Outbox(db, clock);
    db.write(h -> outbox.enqueue(h, OutboxKind.EMAIL, Outbox.json(new Email("a@example.org", "poison", "t")), null));
    var kinds = java.util.List.of(OutboxKind.EMAIL);
    for (int i = 1; i <= 2; i++) {
      var taken = outbox.claim("sender-" + i, kinds, Duration.ofMinutes(2), 10, 2);
      assertThat(taken).hasSize(1);
      assertThat(taken.get(0).attempts()).isEqualTo(i);
      assertThat(outbox.claim("other", kinds, Duration.ofMinutes(2), 10, 2)).as("leased: nobody else takes it").isEmpty();
      clock.advance(Duration.ofMinutes(3)); // the sender died; its lease runs out
    }
    assertThat(outbox.claim("sender-3", kinds, Duration.ofMinutes(2), 10, 2)).isEmpty();
    assertThat(outbox.counts()).isEqualTo(Map.of(OutboxState.FAILED, 1));
  }
}
