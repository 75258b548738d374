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
 * <p>Public for the trainers in {@code parley.classify.train}, which build and evaluate it.
 */
public final class SemanticStage implements AccurateModel {
  public final double[][] headW = new double[FastModel.CATEGORIES][SentenceEncoder.DIM];
  public final double[] headB = new double[FastModel.CATEGORIES];
  public final double[][] stack = new double[FastModel.CATEGORIES][3];
  private volatile SentenceEncoder encoder;
  private ExecutorService pool; // the encoder's batch threads, when this stage started them

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
    SemanticStage s = new SemanticStage();
    for (Category c : Category.values()) {
      JsonNode n = root.get(c.key());
      if (n == null) throw new IOException("semantic.json lacks " + c.key());
      for (int k = 0; k < SentenceEncoder.DIM; k++) s.headW[c.ordinal()][k] = n.get("head").get(k).asDouble();
      s.headB[c.ordinal()] = n.get("bias").asDouble();
      for (int k = 0; k < 3; k++) s.stack[c.ordinal()][k] = n.get("stack").get(k).asDouble();
    }
    return s;
  }
}
