package parley.notify;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.testing.Eventually;

/** What a GreenMail server received, by recipient, and the links inside. */
record Mailbox(GreenMail smtp) {
  List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** Waits until {@code address} has {@code n} emails, and returns the last. */
  MimeMessage await(String address, int n) {
    Eventually.until(n + " email(s) to " + address, () -> to(address).size() >= n);
    return to(address).get(n - 1);
  }

  static String text(MimeMessage m) {
    try {
      return (String) m.getContent();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String link(MimeMessage m, String path) {
    Matcher x = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\?t=\\S+").matcher(text(m));
    if (!x.find()) throw new AssertionError("no " + path + " link in:\n" + text(m));
    return x.group();
  }

  static String header(MimeMessage m, String name) {
    try {
      String[] v = m.getHeader(name);
      return v == null ? null : v[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
