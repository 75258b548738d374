package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;

/** doNotStore: the text appears neither in the log output nor in any database file, on success or refusal. */
class DoNotStoreTest {
  @TempDir Path dir;

  @Test
  void aDoNotStoreTextLeavesNoTrace() throws Exception {
    String secret = "zqxmarker" + UUID.randomUUID().toString().replace("-", "");
    String control = "zqxcontrol" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream out = System.out, err = System.err;
    System.setOut(new PrintStream(tee(out, logs), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(err, logs), true, StandardCharsets.UTF_8));
    try (AnalysisServer server = new AnalysisServer(dir, App.Mode.FULL, 1000)) {
      String text = "You idiot, " + secret + " is a fool.";
      assertThat(server.post("analyze", "{\"comment\":{\"text\":\"" + text + "\"},\"doNotStore\":true,"
          + "\"spanAnnotations\":true,\"requestedAttributes\":{\"TOXICITY\":{},\"INSULT\":{}}}").status()).isEqualTo(200);
      assertThat(server.post("analyze", "{\"comment\":{\"text\":\"<b>" + text + "</b>\",\"type\":\"HTML\"},"
          + "\"doNotStore\":true,\"requestedAttributes\":{\"NOPE\":{}}}").status()).isEqualTo(400);
      assertThat(server.post("analyze", "{\"comment\":{\"text\":\"" + text + "\"}, \"doNotStore\":true, oops")
          .status()).isEqualTo(400);
      assertThat(server.post("suggestscore", "{\"comment\":{\"text\":\"" + text + "\"},\"doNotStore\":true,"
          + "\"clientToken\":\"comment:1\",\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":1}}}}")
          .status()).isEqualTo(200);
      // the control proves the search below can see stored text
      assertThat(server.post("suggestscore", "{\"comment\":{\"text\":\"" + control + "\"},\"clientToken\":\"comment:2\","
          + "\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":0}}}}").status()).isEqualTo(200);
      long kept = server.app.database().read(h -> h.createQuery(
          "SELECT COUNT(*) FROM analysis_feedback WHERE text IS NULL AND client_token = 'comment:1'").mapTo(Long.class).one());
      assertThat(kept).as("the verdict is kept, without its text").isEqualTo(1);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    String logged = logs.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("Parley listening").doesNotContain(secret);
    String stored = databaseBytes();
    assertThat(stored).contains(control).doesNotContain(secret);
  }

  private String databaseBytes() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  private static OutputStream tee(OutputStream a, OutputStream b) {
    return new OutputStream() {
      @Override
      public synchronized void write(int c) throws java.io.IOException {
        a.write(c);
        b.write(c);
      }

      @Override
      public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
        a.write(bytes, off, len);
        b.write(bytes, off, len);
      }
    };
  }
}
