package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Sessions opened from a stream through a temporary file: the network loads, and no file is left behind. */
class OnnxSessionsTest {
  private static List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("parley-model")).toList();
    }
  }

  @Test
  void opensTheShippedNetworkAndRemovesTheTemporaryFile() throws Exception {
    List<Path> before = leftovers();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = OnnxSessions.create(OrtEnvironment.getEnvironment(),
            () -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE), options)) {
      assertThat(session.getInputNames()).contains("input_ids", "attention_mask");
      assertThat(session.getOutputNames()).contains("probs");
    }
    assertThat(leftovers()).isEqualTo(before);
  }

  @Test
  void aStreamThatIsNoNetworkFailsAndLeavesNothingBehind() throws Exception {
    List<Path> before = leftovers();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OnnxSessions.Source garbage = () -> new ByteArrayInputStream("not an onnx model".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> OnnxSessions.create(OrtEnvironment.getEnvironment(), garbage, options))
          .isInstanceOf(OrtException.class);
    }
    assertThat(leftovers()).isEqualTo(before);
  }

  @Test
  void aMissingModelIsAnIoErrorNamingIt() {
    assertThatThrownBy(() -> OnnxSessions.create(OrtEnvironment.getEnvironment(), () -> null,
        new OrtSession.SessionOptions())).isInstanceOf(IOException.class).hasMessageContaining("model not found");
  }
}
