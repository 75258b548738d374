package parley.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A newsroom's own correction of the accurate stage, fitted on its moderators' verdicts ({@code parley train
 * --feedback}): per category, a linear term over the vector the transformer's heads read (its mean-pooled last layer),
 * added to that head's logit in every window, {@code logit' = logit + weights · pooled + bias}. The network and the
 * shipped heads stay as they are, so a few hundred verdicts move the scores of comments like the ones judged and
 * leave the rest near where they were. A category without weights is not adapted.
 *
 * @param weights per category in {@link Category} order: {@code dimension} weights, or null where not adapted
 * @param bias per category, 0 where not adapted
 * @param about what the file says about its fitting (verdicts, chosen penalty, held-out figures), kept for the card
 */
public record Adaptation(float[][] weights, double[] bias, Map<String, Object> about) {
  public static final String FILE = "adaptation.json";
  public static final Adaptation NONE = new Adaptation(new float[Category.values().length][],
      new double[Category.values().length], Map.of());

  public boolean isEmpty() {
    for (float[] w : weights) if (w != null) return false;
    return true;
  }

  /** The pooled vector's length the weights expect (0 when nothing is adapted). */
  public int dimension() {
    for (float[] w : weights) if (w != null) return w.length;
    return 0;
  }

  /** One window's probabilities after the correction; {@code probs} as the network gave them. */
  public double[] adjust(double[] probs, float[] pooled) {
    double[] out = probs.clone();
    for (int c = 0; c < out.length; c++) {
      float[] w = weights[c];
      if (w == null) continue;
      double z = TransformerStage.logit(out[c]) + bias[c];
      for (int i = 0; i < w.length; i++) z += w[i] * pooled[i];
      out[c] = FastModel.sigmoid(z);
    }
    return out;
  }

  public void write(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("dimension", dimension());
    root.set("about", json.valueToTree(about));
    ObjectNode cats = root.putObject("categories");
    for (Category c : Category.values()) {
      float[] w = weights[c.ordinal()];
      if (w == null) continue;
      ObjectNode n = cats.putObject(c.key());
      n.put("bias", bias[c.ordinal()]);
      var a = n.putArray("weights");
      for (float v : w) a.add(v);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  /** Reads {@link #FILE}; a missing file (null) is {@link #NONE}. */
  @SuppressWarnings("unchecked")
  public static Adaptation read(InputStream in) throws IOException {
    if (in == null) return NONE;
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(in);
    int dimension = root.path("dimension").asInt(0);
    float[][] weights = new float[Category.values().length][];
    double[] bias = new double[weights.length];
    for (Category c : Category.values()) {
      JsonNode n = root.path("categories").path(c.key());
      if (n.isMissingNode()) continue;
      JsonNode w = n.path("weights");
      if (!w.isArray() || w.size() != dimension || dimension == 0) {
        throw new IOException(FILE + ": " + c.key() + " has " + w.size() + " weights, expected " + dimension);
      }
      weights[c.ordinal()] = new float[dimension];
      for (int i = 0; i < dimension; i++) weights[c.ordinal()][i] = (float) w.get(i).asDouble();
      bias[c.ordinal()] = n.path("bias").asDouble(0);
    }
    Map<String, Object> about = root.has("about") ? json.convertValue(root.get("about"), Map.class) : Map.of();
    return new Adaptation(weights, bias, about);
  }
}
