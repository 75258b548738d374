package parley.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import parley.kit.Json;

/** Sends {@link OutboxKind#EMAIL} rows over SMTP (Angus Mail), one connection per message. Thread-safe. */
public final class SmtpSender implements Delivery {
  private final MailConfig config;
  private final Session session;
  private final String messageIdDomain;

  public SmtpSender(MailConfig config) {
    this.config = config;
    this.session = Session.getInstance(properties(config));
    String from = config.from();
    this.messageIdDomain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim() : "parley.local";
  }

  private static Properties properties(MailConfig c) {
    Properties p = new Properties();
    String proto = c.security() == MailConfig.Security.TLS ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", c.host());
    p.put("mail." + proto + ".port", String.valueOf(c.port()));
    // a stalled server must not hold the row past its lease: each step gets a third of it at most
    String timeout = String.valueOf(Math.max(1000, c.lease().toMillis() / 3));
    p.put("mail." + proto + ".connectiontimeout", timeout);
    p.put("mail." + proto + ".timeout", timeout);
    p.put("mail." + proto + ".writetimeout", timeout);
    if (c.security() == MailConfig.Security.STARTTLS) p.put("mail.smtp.starttls.required", "true");
    if (c.security() == MailConfig.Security.STARTTLS) p.put("mail.smtp.starttls.enable", "true");
    if (!c.username().isBlank()) p.put("mail." + proto + ".auth", "true");
    return p;
  }

  /** The row's payload as stored by {@link Outbox#enqueue(org.jdbi.v3.core.Handle, Email)}. */
  static Email read(String payload) throws Permanent {
    try {
      return Json.MAPPER.readValue(payload, Email.class);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new Permanent("unreadable email payload: " + e.getMessage());
    }
  }

  @Override
  public void deliver(OutboxItem item) throws Exception {
    Email email = read(item.payload());
    MimeMessage m = new MimeMessage(session) {
      // one Message-ID per outbox row, so a resend after a crash is recognisable as the same message
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<outbox-" + item.id() + "@" + messageIdDomain + ">");
      }
    };
    try {
      m.setFrom(new InternetAddress(config.from()));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
    } catch (AddressException e) {
      throw new Permanent("bad address: " + e.getMessage());
    }
    m.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    m.setText(email.text(), StandardCharsets.UTF_8.name());
    for (Map.Entry<String, String> h : email.headers().entrySet()) m.setHeader(h.getKey(), h.getValue());
    try {
      if (config.username().isBlank()) Transport.send(m);
      else Transport.send(m, config.username(), config.password());
    } catch (SendFailedException e) {
      // the server refused the recipient outright (5xx): retrying will not help
      if (e.getValidSentAddresses() == null && e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        throw new Permanent("recipient refused: " + e.getMessage());
      }
      throw e;
    }
  }
}
