package parley.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loads a trained model: the one shipped in the jar ({@link #loadDefault()}) or one written by {@code parley train}
 * ({@link #load(Path)}). The result is thread-safe; load it once per process.
 */
public final class Models {
  static final String RESOURCE_DIR = "/parley/model/";

  private Models() {}

  /** What a model folder holds, whatever it is read from. */
  interface Source {
    InputStream open(String name) throws IOException; // null when absent
  }

  public static Classifier loadDefault() throws IOException {
    return load(name -> Models.class.getResourceAsStream(RESOURCE_DIR + name), "classpath:" + RESOURCE_DIR);
  }

  public static Classifier load(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve("fast.bin.gz"))) throw new IOException("no model in " + dir.toAbsolutePath() + " (fast.bin.gz missing)");
    return load(name -> Files.isRegularFile(dir.resolve(name)) ? Files.newInputStream(dir.resolve(name)) : null, dir.toString());
  }

  private static Classifier load(Source src, String where) throws IOException {
    JsonNode meta;
    try (InputStream in = src.open("model.json")) {
      if (in == null) throw new IOException("model.json missing in " + where);
      meta = new ObjectMapper().readTree(in);
    }
    LanguageGate languages = LanguageGate.create(); // starts loading its profiles in the background
    FastModel fast;
    try (InputStream in = src.open("fast.bin.gz")) {
      if (in == null) throw new IOException("fast.bin.gz missing in " + where);
      fast = FastModel.read(in);
    }
    SpanLexicon lexicon = null;
    try (InputStream in = src.open("spans.tsv")) {
      if (in != null) lexicon = SpanLexicon.read(in);
    }
    NgramClassifier fastClassifier = new NgramClassifier(fast, languages, lexicon);
    AccurateModel accurate = transformer(src);
    if (accurate == null) {
      try (InputStream in = src.open("semantic.json")) {
        if (in != null) accurate = SemanticStage.read(in);
      }
    }
    Stage defaultStage = accurate != null && "accurate".equals(meta.path("defaultStage").asText()) ? Stage.ACCURATE : Stage.FAST;
    return new ParleyClassifier(fastClassifier, accurate, defaultStage, lines(src, where));
  }

  /** A model folder's {@code thresholds.json}: per category its hold and reject line (a category left out: none). */
  public static Map<Category, CalibratedLine> lines(Path dir) throws IOException {
    return lines(name -> Files.isRegularFile(dir.resolve(name)) ? Files.newInputStream(dir.resolve(name)) : null, dir.toString());
  }

  private static Map<Category, CalibratedLine> lines(Source src, String where) throws IOException {
    Map<Category, CalibratedLine> out = new EnumMap<>(Category.class);
    try (InputStream in = src.open("thresholds.json")) {
      if (in == null) return out;
      JsonNode root = new ObjectMapper().readTree(in);
      for (Category c : Category.values()) {
        JsonNode n = root == null ? null : root.get(c.key());
        if (n == null) continue;
        double hold = n.path("hold").asDouble(Double.NaN), reject = n.path("reject").asDouble(Double.NaN);
        if (!(hold >= 0 && hold <= 1 && reject >= 0 && reject <= 1)) {
          throw new IOException("thresholds.json in " + where + ": " + c.key() + " needs hold and reject between 0 and 1");
        }
        out.put(c, new CalibratedLine(hold, reject));
      }
    }
    return out;
  }

  /** The fine-tuned transformer when the model has one (its ONNX session opens on first use), else null. */
  private static TransformerStage transformer(Source src) throws IOException {
    try (InputStream probe = src.open(TransformerStage.FILE)) {
      if (probe == null) return null;
    }
    TransformerStage.Settings settings;
    try (InputStream stack = src.open(TransformerStage.STACK_FILE)) {
      settings = TransformerStage.readSettings(stack);
    }
    SpanMix mix = null;
    try (InputStream spans = src.open(SpanNetwork.FILE); InputStream in = src.open(SpanMix.FILE)) {
      if (spans != null && in != null) mix = SpanMix.read(in);
    }
    try (InputStream adapted = src.open(Adaptation.FILE)) {
      return new TransformerStage(() -> src.open(TransformerStage.FILE), settings.stack(), settings.windows(),
          settings.wholeUpTo(), Adaptation.read(adapted), mix == null ? null : () -> src.open(SpanNetwork.FILE), mix,
          settings.readings());
    }
  }
}
