package parley.mail;

import java.util.Map;

/**
 * One plain-text email to one recipient. {@code headers} are extra header lines (for example {@code List-Unsubscribe});
 * Subject, From, To and Message-ID are set by the sender.
 */
public record Email(String to, String subject, String text, Map<String, String> headers) {
  public Email {
    if (to == null || to.isBlank() || to.contains("\n") || to.contains("\r")) throw new IllegalArgumentException("bad recipient");
    if (subject.contains("\n") || subject.contains("\r")) throw new IllegalArgumentException("a subject is one line");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public Email(String to, String subject, String text) {
    this(to, subject, text, Map.of());
  }
}
