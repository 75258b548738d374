package parley.live;

/** One open event stream, as the hub writes to it (the web layer adapts its SSE client). Called from one thread at a time. */
public interface Sink {
  /** Writes one event; false when the connection is gone. */
  boolean event(String name, String data, String id);

  /** Writes a comment line (a heartbeat); false when the connection is gone. */
  boolean comment(String text);

  void close();

  /** Writes one event; false when the connection is gone. */
  interface EventWriter {
    boolean write(String name, String data, String id);
  }

  /** A sink from three functions, so the web layer's adapter needs no class of its own. */
  static Sink of(EventWriter events, java.util.function.Predicate<String> comments, Runnable close) {
    return new Sink() {
      @Override
      public boolean event(String name, String data, String id) {
        return events.write(name, data, id);
      }

      @Override
      public boolean comment(String text) {
        return comments.test(text);
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }
}
