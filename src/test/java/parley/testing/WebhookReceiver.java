package parley.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real local HTTP endpoint for webhooks: records each call; answers a path's queued statuses, then 200. */
public final class WebhookReceiver implements AutoCloseable {
  public record Call(String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** Statuses to answer per path, in order; a path with none left gets 200. */
  public final Map<String, ConcurrentLinkedQueue<Integer>> statuses = new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpServer server;

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      calls.add(new Call(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
      var queued = statuses.get(ex.getRequestURI().getPath());
      Integer status = queued == null ? null : queued.poll();
      ex.sendResponseHeaders(status == null ? 200 : status, -1);
      ex.close();
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Call> to(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
