package parley.classify;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, bundled in the langchain4j Maven artifact: nothing is downloaded) with one
 * intra-op thread per call; parallelism comes from the caller's threads or the batch executor. Measured here: ONNX
 * Runtime's default of all cores per call is about half as fast in total.
 *
 * <p>Public for the trainers in {@code parley.classify.train}, which build and evaluate it.
 */
public final class SentenceEncoder extends AbstractInProcessEmbeddingModel {
  public static final int DIM = 384;
  /** Longer comments are cut: 1,000 characters is ~250 word pieces, past which MiniLM's cost grows fast. */
  static final int MAX_CHARS = 1000;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  private SentenceEncoder(OnnxBertBiEncoder encoder, Executor executor) {
    super(executor);
    this.encoder = encoder;
  }

  public static SentenceEncoder create(Executor batchExecutor) throws IOException {
    try (InputStream tokenizer = SentenceEncoder.class.getResourceAsStream(TOKENIZER)) {
      if (tokenizer == null || SentenceEncoder.class.getResource(MODEL) == null) {
        throw new IOException("MiniLM model missing from the classpath");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = OnnxSessions.create(env, () -> SentenceEncoder.class.getResourceAsStream(MODEL), options);
      return new SentenceEncoder(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN), batchExecutor);
    } catch (OrtException e) {
      throw new IOException("cannot start ONNX Runtime", e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIM;
  }

  /**
   * What the encoder reads: the head of the comment, passed through the same normalizer as the fast stage, so that
   * evasions ("k i l l", "b1tch") reach MiniLM as words it knows (its tokenizer lower-cases anyway).
   */
  public static String clip(String text) {
    String t = text == null || text.isBlank() ? "." : text;
    t = TextNormalizer.normalize(t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t).text();
    return t.isBlank() ? "." : t;
  }

  /** One text on the calling thread. */
  float[] encode(String text) {
    return embed(clip(text)).content().vector();
  }

  /** Many texts, spread over the executor. */
  public float[][] encodeAll(List<String> texts) {
    var segments = texts.stream().map(t -> TextSegment.from(clip(t))).toList();
    var embeddings = embedAll(segments).content();
    float[][] out = new float[embeddings.size()][];
    for (int i = 0; i < out.length; i++) out[i] = embeddings.get(i).vector();
    return out;
  }
}
