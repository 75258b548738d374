package parley.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import parley.store.Database;

/** A separate process that runs one outbox worker until it is killed: {@code <jdbc url> <smtp port> <lease s>}. */
public final class OutboxChild {
  public static void main(String[] args) throws Exception {
    Database db = Database.open(args[0]);
    MailConfig config = MailConfig.defaults().withSmtp("127.0.0.1", Integer.parseInt(args[1]), "parley@news.example")
        .withTiming(Duration.ofMillis(50), Duration.ofSeconds(Long.parseLong(args[2])), Duration.ofMillis(50));
    new OutboxWorker(new Outbox(db, Clock.systemUTC()), Map.of(OutboxKind.EMAIL, new SmtpSender(config)), config).start();
    System.out.println("worker started");
    Thread.sleep(Long.MAX_VALUE);
  }
}
