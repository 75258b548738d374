package parley.classify;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Opens ONNX Runtime sessions from a model stream (a class-path resource or a file in a model folder). */
final class OnnxSessions {
  private OnnxSessions() {}

  /**
   * Loads the network through a temporary file. From a byte array it would pass through the heap twice (the buffers
   * {@code readAllBytes} grows, then the array it returns: ~70 MB for the 34 MB int8 transformer), and the serial
   * collector keeps the heap it grew for them committed: `bench/memory.sh` peaked 74 MB higher that way. Without a
   * writable temporary directory it falls back to the array.
   */
  static OrtSession create(OrtEnvironment env, InputStream model, OrtSession.SessionOptions options)
      throws IOException, OrtException {
    Path tmp;
    try {
      tmp = Files.createTempFile("parley-model", ".onnx");
    } catch (IOException | UnsupportedOperationException noTempDir) {
      return env.createSession(model.readAllBytes(), options);
    }
    try {
      Files.copy(model, tmp, StandardCopyOption.REPLACE_EXISTING);
      return env.createSession(tmp.toString(), options);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
