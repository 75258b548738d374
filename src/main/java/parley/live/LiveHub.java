package parley.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's open event streams and the fan-out to them. A {@link Wakeup} rings after a local write or a
 * PostgreSQL NOTIFY from another instance; the dispatcher then reads the new {@code live_events} rows (the database
 * is the one source, so every instance sends the same events with the same ids) and queues each to the streams of
 * its topic. Streams are capped per instance and per address. Thread-safe; owns its threads until {@link #close}.
 */
public final class LiveHub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
  static final int BATCH = 500;
  static final int REPLAY_MAX = 200;
  static final Duration RETAIN = Duration.ofHours(1);

  /** What moderators' events carry besides the item: the site's queue counts, and who holds which claims. */
  public interface QueueView {
    Map<String, Integer> counts(String siteId);

    List<?> claims(String siteId);
  }

  private final EventLog log_;
  private final LiveConfig config;
  private final QueueView queues;
  private final Clock clock;
  private final Wakeup wakeup;
  private final Map<Topic, Set<Subscriber>> topics = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "parley-live-heartbeat");
    t.setDaemon(true);
    return t;
  });
  private final Thread dispatcher;
  private final Gaps gaps = new Gaps();
  private volatile boolean running = true;
  private volatile long lastId; // written by the dispatcher only

  public LiveHub(EventLog events, Wakeup wakeup, LiveConfig config, QueueView queues, Clock clock, MeterRegistry meters) {
    this.log_ = events;
    this.wakeup = wakeup;
    this.config = config;
    this.queues = queues;
    this.clock = clock;
    this.lastId = events.latestId();
    if (meters != null) Gauge.builder("parley.live.streams", open, AtomicInteger::get)
        .description("Open live-update (SSE) streams on this instance").register(meters);
    long beat = config.heartbeat().toMillis();
    timers.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    timers.scheduleAtFixedRate(this::prune, 1, 10, TimeUnit.MINUTES);
    dispatcher = Thread.ofPlatform().daemon().name("parley-live-dispatch").start(this::dispatchLoop);
  }

  /** Takes one stream place for {@code address}, or refuses with a clear error; {@link #join} or {@link #release} after. */
  public void reserve(String address) {
    if (open.incrementAndGet() > config.maxStreams()) {
      open.decrementAndGet();
      throw new ApiException(ErrorCode.LIVE_STREAMS_EXHAUSTED);
    }
    int mine = perAddress.merge(address, 1, Integer::sum);
    if (mine > config.maxStreamsPerAddress()) {
      release(address);
      throw new ApiException(ErrorCode.LIVE_STREAMS_PER_ADDRESS, "At most " + config.maxStreamsPerAddress()
          + " live streams per address; close other tabs or retry later.");
    }
  }

  /** Gives back a place taken by {@link #reserve} whose stream never joined. */
  public void release(String address) {
    open.decrementAndGet();
    perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  /** Starts delivering {@code topic}'s events to {@code sink}, after those since {@code lastEventId} (if given). */
  public Runnable join(Topic topic, String address, Sink sink, Long lastEventId) {
    Subscriber[] self = new Subscriber[1];
    self[0] = new Subscriber(topic, address, sink, writers, () -> leave(self[0]));
    topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(self[0]);
    if (topic.moderators()) {
      Map<String, Object> hello = new LinkedHashMap<>();
      hello.put("counts", queues.counts(topic.siteId()));
      hello.put("claims", queues.claims(topic.siteId()));
      self[0].event("hello", json(hello), lastId);
    }
    if (lastEventId != null) {
      for (LiveEvent e : log_.replay(topic, lastEventId, REPLAY_MAX)) self[0].event(e.kind().key(), data(e, null), e.id());
    }
    return self[0]::close;
  }

  private void leave(Subscriber s) {
    Set<Subscriber> set = topics.get(s.topic);
    if (set != null && set.remove(s)) release(s.address);
  }

  /** Open streams on this instance. */
  public int openStreams() {
    return open.get();
  }

  private void dispatchLoop() {
    while (running) {
      try {
        wakeup.await(config.safetyPoll().toMillis(), TimeUnit.MILLISECONDS);
        if (!running) return;
        List<LiveEvent> batch;
        do {
          batch = log_.after(lastId, gaps.open(clock.millis()), BATCH);
          dispatch(batch);
        } while (batch.size() >= BATCH);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Live updates: reading new events failed; retrying", e);
      }
    }
  }

  private void dispatch(List<LiveEvent> batch) {
    Map<String, Map<String, Integer>> counts = new HashMap<>(); // one count query per site per batch
    for (LiveEvent e : batch) {
      gaps.seen(e.id(), lastId, clock.millis());
      lastId = Math.max(lastId, e.id());
      Set<Subscriber> subs = topics.get(Topic.of(e));
      if (subs == null || subs.isEmpty()) continue;
      Map<String, Integer> c = e.kind().forReaders() ? null : counts.computeIfAbsent(e.siteId(), queues::counts);
      String data = data(e, c);
      for (Subscriber s : subs) s.event(e.kind().key(), data, e.id());
    }
  }

  /** Readers get the comment id only: the bar counts it and the thread is read again, through its cache. */
  private static String data(LiveEvent e, Map<String, Integer> counts) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", e.commentId());
    if (!e.kind().forReaders()) {
      if (e.detail() != null) out.put("claim", tree(e.detail()));
      if (counts != null) out.put("counts", counts);
    }
    return json(out);
  }

  private static String json(Object o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object tree(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private void heartbeat() {
    for (Set<Subscriber> subs : topics.values()) for (Subscriber s : subs) s.heartbeat();
  }

  private void prune() {
    try {
      log_.prune(clock.millis() - RETAIN.toMillis());
    } catch (RuntimeException e) {
      log.warn("Live updates: pruning old events failed", e);
    }
  }

  /** Closes every stream first (a stopping server would otherwise wait its grace period on them), then the threads. */
  @Override
  public void close() {
    running = false;
    List<Subscriber> all = new ArrayList<>();
    topics.values().forEach(all::addAll);
    all.forEach(Subscriber::close);
    timers.shutdownNow();
    wakeup.close();
    dispatcher.interrupt();
    writers.shutdownNow();
  }
}
