package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void barShowsFractionCountRateAndEta() {
    assertThat(Progress.line(0.5, 50_000, 10, "comments", true))
        .isEqualTo("[############------------]  50%  50,000 comments  5,000/s  ETA 0:10  elapsed 0:10");
    assertThat(Progress.line(0.25, 1_000, 3_600, "comments", false))
        .isEqualTo(" 25%  1,000 comments  0/s  ETA 3:00:00  elapsed 1:00:00");
    assertThat(Progress.line(0, 0, 0, "comments", false)).contains("ETA ?");
  }

  @Test
  void terminalRedrawsInPlaceAndEndsTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = Progress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 100, () -> 100, "comments");
    p.finish(42);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("\r[########################] 100%  42 comments").endsWith("\u001b[K" + System.lineSeparator());
  }

  @Test
  void plainOutputStaysQuietForShortJobs() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = Progress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 100, () -> 50, "comments");
    p.update(10);
    p.finish(20);
    assertThat(bytes.size()).isZero();
  }
}
