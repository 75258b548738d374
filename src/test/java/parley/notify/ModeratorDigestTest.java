package parley.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.mail.MailConfig;
import parley.mail.Outbox;
import parley.store.Database;
import parley.store.Dialect;
import parley.testing.BothDatabases;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;
import parley.testing.TestDatabases;

/** The moderators' digest: only when something waits, once per interval across instances, and wired to a real server. */
class ModeratorDigestTest {
  @BothDatabases
  void oneDigestPerModeratorAndIntervalAndNoneWhenNothingWaits(Dialect dialect) {
    try (var tdb = TestDatabases.create(dialect); Database db = Database.open(tdb.url())) {
      Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
      Outbox outbox = new Outbox(db, clock);
      var waiting = new AtomicReference<Map<String, ModeratorDigest.Waiting>>(Map.of("news", new ModeratorDigest.Waiting(0, 0)));
      ModeratorDigest digest = new ModeratorDigest(db, outbox, waiting::get,
          site -> List.of("a@example.org", "b@example.org"), () -> "https://c.example", Duration.ofHours(1), clock);
      assertThat(digest.run()).as("nothing waits").isZero();

      waiting.set(Map.of("news", new ModeratorDigest.Waiting(3, 1)));
      assertThat(digest.run()).isEqualTo(2);
      // a second instance, or the next tick within the same hour, adds nothing
      ModeratorDigest twin = new ModeratorDigest(db, outbox, waiting::get,
          site -> List.of("a@example.org", "b@example.org"), () -> "https://c.example", Duration.ofHours(1), clock);
      assertThat(twin.run()).isZero();
      String payload = db.read(h -> h.createQuery("SELECT payload FROM outbox ORDER BY id LIMIT 1").mapTo(String.class).one());
      assertThat(payload).contains("3 comment(s) awaiting moderation").contains("https://c.example/admin/news/queue/pending");
    }
  }

  @Test
  void aServerEmailsItsModeratorsWhileCommentsWait() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    MailConfig mail = MailConfig.defaults().withSmtp("127.0.0.1", smtp.getSmtp().getPort(), "parley@news.example")
        .withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50)).withDigestEvery(Duration.ofMillis(300));
    try (ModerationServer server = ModerationServer.start(c -> c.withMail(mail), new KeywordClassifier())) {
      Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
      server.comment(As.reader("d1"), "digest", "What an idiot");
      var m = new Mailbox(smtp).await("mod@example.org", 1);
      assertThat(m.getSubject()).isEqualTo("[news] 1 comment(s) awaiting moderation");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    } finally {
      smtp.stop();
    }
  }
}
