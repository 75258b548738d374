package parley.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import parley.testing.TempDirs;

/** {@code parley serve} as a real process: SIGTERM lets a request in flight finish, then the port closes. */
class GracefulShutdownTest {
  private static final Pattern RUNNING = Pattern.compile("Parley is running: http://localhost:(\\d+)/");

  @Test
  void sigtermFinishesTheRequestInFlightAndStopsAcceptingNewOnes() throws Exception {
    Path dir = Files.createTempDirectory("parley-shutdown-");
    Process p = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "parley.cli.Parley", "serve", "--port", "0",
        "--data-dir", dir.toString()).redirectErrorStream(true).start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      int port = awaitPort(out, output);
      Thread.ofPlatform().daemon().start(() -> out.lines().forEach(output::add));

      // the request is in flight whatever the machine's speed: its body is only half sent when SIGTERM arrives
      String body = "{\"site\":\"demo\",\"page\":\"shutdown\",\"author\":\"Ada\",\"body\":\"Still here at the end?\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      int half = bytes.length / 2;
      try (Socket s = new Socket("127.0.0.1", port)) {
        OutputStream w = s.getOutputStream();
        w.write(("POST /api/v1/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        w.write(bytes, 0, half);
        w.flush();
        // the server reads the headers and dispatches the request (slow on a cold, loaded server); it waits for the rest
        Thread.sleep(1000);
        p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        awaitLine(output, "Parley is stopping");
        assertPortClosed(port);
        w.write(bytes, half, bytes.length - half);
        w.flush();
        String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(response).as(() -> String.join("\n", output)).startsWith("HTTP/1.1 201").contains("\"editToken\"");
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      awaitLine(output, "Parley stopped");
      // a clean exit, not ONNX Runtime's SIGSEGV when its own shutdown hook freed the model under a native call
      assertThat(p.exitValue()).as(() -> String.join("\n", output)).isZero();
      String log = String.join("\n", output);
      assertThat(log.indexOf("POST /api/v1/comments 201")).as(log).isGreaterThan(log.indexOf("Parley is stopping"));
    } finally {
      p.destroyForcibly();
      TempDirs.deleteQuietly(dir);
    }
    // start-up and first classification print nothing but Parley's own lines
    assertThat(String.join("\n", output)).doesNotContain("WARN").doesNotContain("ai.djl").doesNotContain("Exception");
  }

  private static void awaitReady(int port) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health/ready")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) throw new AssertionError("never ready");
      Thread.sleep(100);
    }
  }

  private static void assertPortClosed(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(20);
      } catch (ConnectException refused) {
        return;
      }
    }
    throw new AssertionError("port " + port + " still accepts connections after SIGTERM");
  }

  private static int awaitPort(BufferedReader out, List<String> seen) throws Exception {
    for (String line; (line = out.readLine()) != null; ) {
      seen.add(line);
      Matcher m = RUNNING.matcher(line);
      if (m.find()) return Integer.parseInt(m.group(1));
    }
    throw new AssertionError("server exited before listening:\n" + String.join("\n", seen));
  }

  private static void awaitLine(List<String> output, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      synchronized (output) {
        if (output.stream().anyMatch(l -> l.contains(text))) return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line '" + text + "' in:\n" + String.join("\n", output));
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
