package parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import parley.kit.Json;

/**
 * A Server-Sent Events client for tests: opens the stream, parses events on a thread of its own, and lets a test
 * wait for the next event (or heartbeat comment) with a deadline. Read the status before waiting: an error answer
 * (429, 403...) has a JSON body in {@link #errorBody}.
 */
public final class EventStream implements AutoCloseable {
  /** One event; a heartbeat comment has name ":" and its text as data. */
  public record Event(String name, String id, String data) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(data);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + data, e);
      }
    }
  }

  private final HttpResponse<InputStream> response;
  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final String errorBody;

  private EventStream(HttpResponse<InputStream> response) {
    this.response = response;
    if (response.statusCode() != 200) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        body = "";
      }
      this.errorBody = body;
      this.reader = null;
    } else {
      this.errorBody = null;
      this.reader = Thread.ofVirtual().start(this::read);
    }
  }

  /** Opens {@code url} with Accept: text/event-stream plus the given header pairs. */
  public static EventStream open(String url, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    for (int i = 0; i + 1 < headers.length; i += 2) if (headers[i + 1] != null) b.header(headers[i], headers[i + 1]);
    try {
      return new EventStream(HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError("could not open " + url, e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  public JsonNode errorBody() {
    try {
      return Json.MAPPER.readTree(errorBody);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + errorBody, e);
    }
  }

  /** The next event that matches, skipping others (heartbeats included); fails after {@code within}. */
  public Event next(Predicate<Event> wanted, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    try {
      while (true) {
        Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (e == null) throw new AssertionError("no matching event within " + within);
        if (wanted.test(e)) return e;
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  public Event next(String name) {
    return next(e -> e.name().equals(name), Duration.ofSeconds(10));
  }

  /** Every event that arrived so far and was not yet taken. */
  public java.util.List<Event> drain() {
    java.util.List<Event> out = new java.util.ArrayList<>();
    events.drainTo(out);
    return out;
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String name = "message", id = null;
      StringBuilder data = new StringBuilder();
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) events.add(new Event(name, id, data.toString()));
          name = "message";
          data.setLength(0);
        } else if (line.startsWith(":")) {
          events.add(new Event(":", null, line.substring(1).strip()));
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) data.append('\n');
          data.append(line.substring(5).strip());
        }
      }
    } catch (java.io.IOException e) {
      // closed by the test or the server
    }
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (java.io.IOException ignored) {
      // already closed
    }
    if (reader != null) reader.interrupt();
  }
}
