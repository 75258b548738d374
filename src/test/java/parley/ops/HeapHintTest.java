package parley.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapHintTest {
  private static final long SIX_GB = 6L << 30;

  @Test
  void aPlainJavaDashJarOnABigMachineIsTold() {
    assertThat(HeapHint.message(List.of("--enable-native-access=ALL-UNNAMED"), SIX_GB))
        .hasValueSatisfying(m -> assertThat(m).contains("6144 MB").contains("dist/jvm.options"));
  }

  @Test
  void aChosenLimitIsLeftAlone() {
    assertThat(HeapHint.message(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"), 256L << 20)).isEmpty();
    assertThat(HeapHint.message(List.of("-Xmx8g"), 8L << 30)).as("a large heap someone chose").isEmpty();
    assertThat(HeapHint.message(List.of("-XX:MaxRAMPercentage=50"), SIX_GB)).isEmpty();
  }

  @Test
  void aSmallMachinesDefaultNeedsNoHint() {
    assertThat(HeapHint.message(List.of(), 512L << 20)).isEmpty();
  }
}
