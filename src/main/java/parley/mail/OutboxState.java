package parley.mail;

import java.util.Locale;

/** Where an outbox row stands; stored lower-case. A {@code SENDING} row whose lease ran out is due again. */
public enum OutboxState {
  PENDING, SENDING, SENT, FAILED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
