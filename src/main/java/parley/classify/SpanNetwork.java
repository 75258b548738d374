package parley.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The span branch ({@code tools/finetune/spans.py}): a copy of the encoder's upper layers, fine-tuned on the raters'
 * toxic spans, that reads the transformer's own token vectors after its lower layers (the network's {@link #INPUT}
 * output) and gives each word piece the probability that raters would mark it. It runs only for a comment being
 * explained, on vectors the scoring call already made: the scores and their cost are unchanged.
 */
final class SpanNetwork implements AutoCloseable {
  static final String FILE = "spans.onnx";
  /** The transformer's output the branch reads: [1, pieces, 384] token vectors. */
  static final String INPUT = "tokens";
  private final OnnxSessions.Source file;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private OrtSession session; // guarded by lifecycle (opened under the read lock, in synchronized)
  private boolean closed;

  SpanNetwork(OnnxSessions.Source file) {
    this.file = file;
  }

  /** Each piece's mark, 0 to 1, for one window's token vectors ({@code pieces × hidden}, row by row). */
  float[] marks(float[] tokens, int pieces) {
    lifecycle.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the span network is closed");
      OrtSession s = session();
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      long[] mask = new long[pieces];
      java.util.Arrays.fill(mask, 1);
      try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(tokens), new long[] {1, pieces, tokens.length / pieces});
          OnnxTensor m = OnnxTensor.createTensor(env, new long[][] {mask});
          OrtSession.Result r = s.run(Map.of(INPUT, t, "attention_mask", m))) {
        return ((float[][]) r.get(0).getValue())[0];
      }
    } catch (OrtException e) {
      throw new IllegalStateException("span network failed", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private synchronized OrtSession session() throws OrtException {
    if (session == null) {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1); // as the transformer: parallelism comes from concurrent comments
      options.setInterOpNumThreads(1);
      try {
        session = OnnxSessions.create(OrtEnvironment.getEnvironment(), file, options);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot load " + FILE, e);
      }
    }
    return session;
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      closed = true;
      if (session != null) session.close();
      session = null;
    } catch (OrtException e) {
      // closing at shutdown: nothing left to do with it
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
