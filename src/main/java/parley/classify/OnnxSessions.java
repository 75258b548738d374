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

  /** Opens the model's bytes; may be called twice. */
  interface Source {
    InputStream open() throws IOException;
  }

  /**
   * Loads the network through a temporary file. From a byte array it would pass through the heap twice (the buffers
   * {@code readAllBytes} grows, then the array it returns: ~70 MB for the 34 MB int8 transformer), and the serial
   * collector keeps the heap it grew for them committed: `bench/memory.sh` peaked 74 MB higher that way. Where no
   * temporary file can be written (no such directory, a full disk), it reads the model again into an array.
   */
  static OrtSession create(OrtEnvironment env, Source model, OrtSession.SessionOptions options)
      throws IOException, OrtException {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("parley-model", ".onnx");
      try (InputStream in = open(model)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UnsupportedOperationException noTemporaryFile) {
      if (tmp != null) Files.deleteIfExists(tmp);
      try (InputStream in = open(model)) {
        return env.createSession(in.readAllBytes(), options);
      }
    }
    try {
      return env.createSession(tmp.toString(), options);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static InputStream open(Source model) throws IOException {
    InputStream in = model.open();
    if (in == null) throw new IOException("model not found");
    return in;
  }
}
