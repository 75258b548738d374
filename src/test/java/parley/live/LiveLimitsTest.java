package parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.EventStream;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.web.TrustedProxies;

/** Caps per address and per instance, heartbeats, and bad or hostile stream requests (SQLite: nothing here is SQL). */
class LiveLimitsTest {
  static ModerationServer server;

  @BeforeAll
  static void start() {
    server = ModerationServer.start(c -> c.withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1"))
        .withLive(parley.live.LiveConfig.defaults().withStreams(3, 2).withHeartbeat(Duration.ofMillis(200))),
        new KeywordClassifier());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static EventStream open(String from, String... headers) {
    List<String> h = new ArrayList<>(List.of("X-Forwarded-For", from));
    h.addAll(List.of(headers));
    return EventStream.open(server.base() + "/api/v1/live?site=news&page=caps", h.toArray(String[]::new));
  }

  @Test
  void streamsAreCappedPerAddressAndPerInstanceWithClearErrors() {
    List<EventStream> open = new ArrayList<>();
    try {
      open.add(open("203.0.113.1"));
      open.add(open("203.0.113.1"));
      EventStream third = open("203.0.113.1");
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.errorBody().path("error").path("code").asText()).isEqualTo("LIVE_STREAMS_PER_ADDRESS");
      assertThat(third.header("Retry-After")).isEqualTo("60");
      open.add(open("203.0.113.2"));
      EventStream full = open("203.0.113.3");
      assertThat(full.status()).isEqualTo(503);
      assertThat(full.errorBody().path("error").path("code").asText()).isEqualTo("LIVE_STREAMS_EXHAUSTED");
      assertThat(open).allMatch(s -> s.status() == 200);
      assertThat(server.app().live().openStreams()).isEqualTo(3);
    } finally {
      open.forEach(EventStream::close);
    }
    // a closed stream's place comes back once the next heartbeat finds the connection gone
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.app().live().openStreams() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
    assertThat(server.app().live().openStreams()).isZero();
    try (EventStream again = open("203.0.113.3")) {
      assertThat(again.status()).isEqualTo(200);
    }
  }

  @Test
  void idleStreamsGetHeartbeatComments() {
    try (EventStream s = open("203.0.113.9")) {
      assertThat(s.next(e -> e.name().equals(":"), Duration.ofSeconds(5)).data()).isEqualTo("ping");
    }
  }

  static String get(String path, String accept, String origin) {
    return server.send(new ModerationServer.As("Accept", accept, "Origin", origin, "X-Forwarded-For", "203.0.113.30"),
        "GET", path, null).error();
  }

  @Test
  void badStreamRequestsAnswerJsonErrors() {
    assertThat(get("/api/v1/live?page=x", "text/event-stream", null)).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/v1/live?site=nope&page=x", "text/event-stream", null)).isEqualTo("SITE_NOT_FOUND");
    assertThat(get("/api/v1/live?site=news", "text/event-stream", null)).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/v1/live?site=news&page=" + "x".repeat(3000), "text/event-stream", null)).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/v1/live?site=news&page=x", "application/json", null)).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/v1/live?site=news&page=x", "text/event-stream", "https://evil.example")).isEqualTo("ORIGIN_NOT_ALLOWED");
    try (EventStream allowed = EventStream.open(server.base() + "/api/v1/live?site=news&page=x",
        "Origin", "https://news.example", "X-Forwarded-For", "203.0.113.20")) {
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://news.example");
    }
  }
}
