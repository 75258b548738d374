package parley.live;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One stream's mailbox. Events and heartbeats queue here and one virtual thread at a time writes them, so a reader
 * whose connection stalls blocks only their own writes, never the hub's fan-out; one that falls more than
 * {@link #MAX_BACKLOG} messages behind is closed (their browser reconnects with Last-Event-ID). Thread-safe.
 */
final class Subscriber {
  static final int MAX_BACKLOG = 256;

  private record Message(String name, String data, String id) {}

  final Topic topic;
  final String address;
  private final Sink sink;
  private final Executor writers;
  private final Runnable onGone;
  private final ArrayDeque<Message> box = new ArrayDeque<>();
  private boolean draining;
  private boolean closed;

  Subscriber(Topic topic, String address, Sink sink, Executor writers, Runnable onGone) {
    this.topic = topic;
    this.address = address;
    this.sink = sink;
    this.writers = writers;
    this.onGone = onGone;
  }

  void event(String name, String data, long id) {
    offer(new Message(name, data, String.valueOf(id)));
  }

  void heartbeat() {
    offer(new Message(null, "ping", null));
  }

  private void offer(Message m) {
    synchronized (this) {
      if (closed) return;
      if (box.size() >= MAX_BACKLOG) {
        box.clear();
        box.add(new Message(null, null, null)); // the drain closes the stream in order
      } else {
        box.add(m);
      }
      if (draining) return;
      draining = true;
    }
    writers.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Message m;
      synchronized (this) {
        m = box.poll();
        if (m == null) {
          draining = false;
          return;
        }
      }
      boolean ok = m.data() == null ? false : m.name() == null ? sink.comment(m.data()) : sink.event(m.name(), m.data(), m.id());
      if (!ok) {
        close();
        return;
      }
    }
  }

  /** Ends the stream (idempotent) and tells the hub. */
  void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
      box.clear();
    }
    try {
      sink.close();
    } finally {
      onGone.run();
    }
  }
}
