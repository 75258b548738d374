package parley.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The semantic stage's trained parts: a logistic head per category over the sentence embedding, and a stacker per
 * category that combines the fast margin and the head's margin into a calibrated probability:
 * {@code p = sigmoid(a * fast + b * semantic + c)}.
 *
 * <p>Public for the trainers in {@code parley.classify.train}, which build and evaluate it. Its learned values are
 * fixed at construction (copied in, never handed out).
 */
public final class SemanticStage implements AccurateModel {
  private final double[][] headW;
  private final double[] headB;
  private final double[][] stack;
  private volatile SentenceEncoder encoder;
  private ExecutorService pool; // the encoder's batch threads, when this stage started them

  /**
   * @param headW per category, the head's weights over the sentence embedding ({@link SentenceEncoder#DIM} of them)
   * @param headB per category, the head's bias
   * @param stack per category, the stacker {a, b, c} over (fast margin, head margin)
   */
  public SemanticStage(double[][] headW, double[] headB, double[][] stack) {
    this.headW = rows(headW, SentenceEncoder.DIM);
    this.headB = headB.clone();
    onePerCategory(headB.length);
    this.stack = rows(stack, 3);
  }

  /** The same heads with another stacker (the trainer fits the stacker on the heads' dev margins). */
  public SemanticStage withStack(double[][] stack) {
    return new SemanticStage(headW, headB, stack);
  }

  private static double[][] rows(double[][] rows, int width) {
    onePerCategory(rows.length);
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) throw new IllegalArgumentException("need " + width + " values, got " + rows[i].length);
      out[i] = rows[i].clone();
    }
    return out;
  }

  private static void onePerCategory(int n) {
    if (n != FastModel.CATEGORIES) throw new IllegalArgumentException("need one value per category, got " + n);
  }

  @Override
  public synchronized void close() {
    if (pool != null) pool.shutdownNow();
    pool = null;
  }

  public void useEncoder(SentenceEncoder e) {
    encoder = e;
  }

  SentenceEncoder encoder() {
    SentenceEncoder e = encoder;
    if (e == null) {
      synchronized (this) {
        if (encoder == null) {
          try {
            pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
              Thread t = new Thread(r, "parley-encoder");
              t.setDaemon(true);
              return t;
            });
            encoder = SentenceEncoder.create(pool);
          } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
          }
        }
        e = encoder;
      }
    }
    return e;
  }

  @Override
  public double[] probabilities(String head, double[] fastMargins) {
    return stacked(fastMargins, semanticMargins(encoder().encode(head)));
  }

  @Override
  public void warmUp() {
    encoder().encode("warm up");
  }

  public double[] semanticMargins(float[] emb) {
    double[] m = new double[FastModel.CATEGORIES];
    for (int c = 0; c < m.length; c++) {
      double s = headB[c];
      for (int k = 0; k < emb.length; k++) s += headW[c][k] * emb[k];
      m[c] = s;
    }
    return m;
  }

  double[] stacked(double[] fastMargins, double[] semMargins) {
    return AccurateModel.stacked(stack, fastMargins, semMargins);
  }


  public void write(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("encoder", "all-minilm-l6-v2-q");
    root.put("dim", SentenceEncoder.DIM);
    for (Category c : Category.values()) {
      ObjectNode n = root.putObject(c.key());
      var w = n.putArray("head");
      for (double v : headW[c.ordinal()]) w.add((float) v);
      n.put("bias", headB[c.ordinal()]);
      var s = n.putArray("stack");
      for (double v : stack[c.ordinal()]) s.add(v);
    }
    json.writeValue(file.toFile(), root);
  }

  public static SemanticStage read(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    double[][] headW = new double[FastModel.CATEGORIES][SentenceEncoder.DIM], stack = new double[FastModel.CATEGORIES][3];
    double[] headB = new double[FastModel.CATEGORIES];
    for (Category c : Category.values()) {
      JsonNode n = root.get(c.key());
      if (n == null) throw new IOException("semantic.json lacks " + c.key());
      for (int k = 0; k < SentenceEncoder.DIM; k++) headW[c.ordinal()][k] = n.get("head").get(k).asDouble();
      headB[c.ordinal()] = n.get("bias").asDouble();
      for (int k = 0; k < 3; k++) stack[c.ordinal()][k] = n.get("stack").get(k).asDouble();
    }
    return new SemanticStage(headW, headB, stack);
  }
}
