package parley.live;

/** One open event stream, as the hub writes to it (the web layer adapts its SSE client). Called from one thread at a time. */
public interface Sink {
  /** Writes one event; false when the connection is gone. */
  boolean event(String name, String data, String id);

  /** Writes a comment line (a heartbeat); false when the connection is gone. */
  boolean comment(String text);

  void close();
}
