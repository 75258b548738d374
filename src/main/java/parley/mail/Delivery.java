package parley.mail;

/** Sends one outbox row's payload somewhere. Called from the outbox worker thread only. */
public interface Delivery {
  /** Throws to ask for a retry; {@link Permanent} to give up at once (a bad address, a webhook that is gone). */
  void deliver(OutboxItem item) throws Exception;

  /** A failure that retrying cannot fix. */
  final class Permanent extends Exception {
    public Permanent(String message) {
      super(message);
    }
  }
}
