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
  /** Set when the file could not be opened: not tried again, the word table explains alone from then on. */
  private volatile RuntimeException broken;

  SpanNetwork(OnnxSessions.Source file) {
    this.file = file;
  }

  /**
   * The marks per UTF-16 char of {@code text} from each window's token vectors: each char takes the strongest mark of
   * a piece over it; NaN where no window read it (the middle of a long comment, past {@link TransformerStage#MAX_CHARS}).
   * Null if the branch cannot run (a file that does not load, a closed stage): an explanation is not worth failing
   * the comment's classification for, and the word table still gives one.
   */
  float[] perChar(String text, java.util.List<TransformerStage.Pieces> pieces, java.util.List<float[]> tokens) {
    if (broken != null) return null;
    try {
      return marksPerChar(text, pieces, tokens);
    } catch (IllegalStateException e) { // closed, failed to load (then broken is set), or failed to run
      return null;
    }
  }

  private float[] marksPerChar(String text, java.util.List<TransformerStage.Pieces> pieces, java.util.List<float[]> tokens) {
    float[] out = new float[text.length()];
    java.util.Arrays.fill(out, Float.NaN);
    int[] chars = text.length() == text.codePointCount(0, text.length()) ? null : codePointStarts(text);
    for (int w = 0; w < pieces.size(); w++) {
      TransformerStage.Pieces pc = pieces.get(w);
      float[] marks = marks(tokens.get(w), pc.ids().length);
      for (int i = 0; i < marks.length; i++) {
        if (pc.from()[i] < 0) continue;
        int a = chars == null ? pc.from()[i] : chars[Math.min(pc.from()[i], chars.length - 1)];
        int b = chars == null ? pc.to()[i] : chars[Math.min(pc.to()[i], chars.length - 1)];
        for (int c = Math.max(0, a); c < Math.min(b, out.length); c++) {
          out[c] = Float.isNaN(out[c]) ? marks[i] : Math.max(out[c], marks[i]);
        }
      }
    }
    return out;
  }

  /** UTF-16 index of each code point of {@code text}, and its length last (the tokenizer counts code points). */
  private static int[] codePointStarts(String text) {
    int n = text.codePointCount(0, text.length());
    int[] at = new int[n + 1];
    for (int cp = 0, i = 0; cp < n; cp++, i = text.offsetByCodePoints(i, 1)) at[cp] = i;
    at[n] = text.length();
    return at;
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
      } catch (IOException | OrtException e) {
        broken = new IllegalStateException("cannot load " + FILE, e);
        throw broken;
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
