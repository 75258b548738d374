package parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import parley.store.Dialect;
import parley.testing.BothDatabases;
import parley.testing.Eventually;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.TestDatabases;

/**
 * The whole server stopped while its SMTP server holds a notification un-acknowledged, then a new server on the same
 * database: the email arrives once. (OutboxTest kills a sender process with SIGKILL; this stops a real app.)
 */
class ServerRestartMidSendTest {
  @BothDatabases
  void aServerStoppedMidSendLosesNothingAndTheNextSendsItOnce(Dialect dialect) throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (var db = TestDatabases.create(dialect); StallingSmtpServer stalling = new StallingSmtpServer()) {
      MailConfig stalled = MailConfig.defaults().withSmtp("127.0.0.1", stalling.port(), "parley@news.example")
          .withTiming(Duration.ofMillis(50), Duration.ofSeconds(3), Duration.ofMillis(50)).withDigestEvery(Duration.ZERO);
      try (ModerationServer first = ModerationServer.start(c -> c.withDatabaseUrl(db.url()).withMail(stalled), new KeywordClassifier())) {
        assertThat(first.send(As.reader("a"), "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"r\","
            + "\"author\":\"Alice\",\"email\":\"alice@example.org\",\"body\":\"Hello.\"}").status()).isEqualTo(201);
        assertThat(first.send(As.reader("a"), "POST", "/api/v1/subscriptions",
            "{\"site\":\"news\",\"page\":\"r\",\"email\":\"alice@example.org\"}").status()).isEqualTo(202);
        assertThat(stalling.messageBodyReceived.await(60, TimeUnit.SECONDS)).as("the send is under way").isTrue();
      } // the app stops here, mid-send
      MailConfig working = stalled.withSmtp("127.0.0.1", smtp.getSmtp().getPort(), "parley@news.example");
      try (ModerationServer second = ModerationServer.start(c -> c.withDatabaseUrl(db.url()).withMail(working), new KeywordClassifier())) {
        assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        Eventually.until("row sent", () -> second.app().outbox().counts().getOrDefault(OutboxState.SENT, 0) == 1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Confirm reply notifications");
        assertThat(second.app().outbox().counts()).containsOnlyKeys(OutboxState.SENT);
      }
    } finally {
      smtp.stop();
    }
  }
}
