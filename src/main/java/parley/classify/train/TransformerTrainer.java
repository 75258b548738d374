package parley.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import parley.classify.LanguageGate;
import parley.classify.NgramClassifier;
import parley.classify.ParleyClassifier;
import parley.classify.Stage;
import parley.classify.TransformerStage;

/**
 * The accurate stage from a fine-tuned transformer ({@code transformer.onnx} in the model folder, made by
 * {@code tools/finetune}): scores every dev and test split with it through ONNX Runtime, fits the stacker with the
 * fast stage on dev, and sets the thresholds when the stacked stage wins — as {@link SemanticTrainer} does for the
 * sentence encoder, without training anything in Java.
 */
final class TransformerTrainer {
  static String model(TransformerStage.Settings settings, String note) {
    int windows = settings.windows(), wholeUpTo = settings.wholeUpTo();
    return settings.encoder() + " fine-tuned with six sigmoid heads by tools/finetune (PyTorch on this machine's CPU), "
        + "int8 ONNX (`transformer.onnx`), " + (windows == 1 ? "first 64 word pieces of the raw text"
        : (wholeUpTo > TransformerStage.MAX_PIECES ? "a comment of up to " + wholeUpTo + " word pieces read whole, a longer one in " : "")
        + "up to " + windows + " windows of 64 word pieces of the raw text (the strongest window per abuse category, the head for spam)")
        + (note.isEmpty() ? "" : "; " + note)
        + (settings.readings().respell() ? "; words spelled out letter by letter joined (\"m u s l i m s\", `SpacedLetters`), "
            + "leetspeak undone (\"mu5l1ms\", `LeetWords`) and one swapped or missing letter mended (\"Mulsims\", `Typos`) "
            + "where that gives a known word" : "")
        + (settings.readings().splitJoined() ? "; words run together (\"ihatemuslims\") also read split (`JoinedWords`, word list "
            + "from the training sets' comments and SCOWL): each abuse category takes the stronger reading" : "");
  }

  private TransformerTrainer() {}

  static boolean present(Path modelDir) {
    return Files.isRegularFile(modelDir.resolve(TransformerStage.FILE));
  }

  static SemanticTrainer.Accurate evaluate(TrainingReport r, ModelTrainer.Options o, Consumer<String> log) throws Exception {
    Path onnx = o.outDir().resolve(TransformerStage.FILE);
    NgramClassifier fast = new NgramClassifier(r.fast(), LanguageGate.create());
    double[][] identity = TransformerStage.readStack(null);
    TransformerStage.Settings settings = settings(o.outDir());
    int windows = settings.windows();
    log.accept("transformer: " + windows + " window(s) of " + TransformerStage.MAX_PIECES + " word pieces per comment"
        + (settings.wholeUpTo() > TransformerStage.MAX_PIECES ? ", one window up to " + settings.wholeUpTo() : ""));
    try (TransformerStage model = new TransformerStage(() -> Files.newInputStream(onnx), identity, windows,
        settings.wholeUpTo(), parley.classify.Adaptation.NONE, null, null, settings.readings())) {
      long t0 = System.nanoTime();
      List<Example> dev = new ArrayList<>();
      for (String name : r.sources()) r.devBy().get(name).stream().filter(e -> !e.labels().isEmpty()).forEach(dev::add);
      Map<String, double[][][]> devM = new LinkedHashMap<>(), testM = new LinkedHashMap<>();
      int[] done = {0};
      for (String name : r.devBy().keySet()) {
        devM.put(name, margins(r.devBy().get(name), fast, model));
        testM.put(name, margins(r.testBy().get(name), fast, model));
        done[0] += r.devBy().get(name).size() + r.testBy().get(name).size();
        log.accept(String.format("transformer: scored %s (%,d rows so far, %.0f s)", name, done[0], (System.nanoTime() - t0) / 1e9));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      SemanticTrainer.Stacked st = SemanticTrainer.stackAndReport(r, o, log, dev, devM, testM, seconds, model(settings, model.note()));
      TransformerStage stage = new TransformerStage(() -> Files.newInputStream(onnx), st.stack(), windows,
          settings.wholeUpTo(), parley.classify.Adaptation.NONE, null, null, settings.readings());
      stage.writeStack(o.outDir().resolve(TransformerStage.STACK_FILE), settings.encoder());
      Files.deleteIfExists(o.outDir().resolve("semantic.json")); // the transformer replaces the sentence-encoder heads
      // a newsroom's adaptation was fitted against the stacker and fast stage just replaced: adapt again (--feedback)
      Files.deleteIfExists(o.outDir().resolve(parley.classify.Adaptation.FILE));
      ObjectMapper json = new ObjectMapper();
      ObjectNode meta = (ObjectNode) json.readTree(o.outDir().resolve("model.json").toFile());
      meta.put("defaultStage", st.accurateDefault() ? "accurate" : "fast");
      meta.put("accurateModel", "transformer");
      meta.put("accurateDevAucGain", st.gain());
      json.writerWithDefaultPrettyPrinter().writeValue(o.outDir().resolve("model.json").toFile(), meta);
      String note = String.format("accurate stage: fine-tuned transformer (%s, %.1f MB), %,d dev and test rows scored in %.0f s on %d threads",
          TransformerStage.FILE, Files.size(onnx) / 1e6, done[0], seconds, Runtime.getRuntime().availableProcessors());
      return new SemanticTrainer.Accurate(new ParleyClassifier(fast, stage, st.accurateDefault() ? Stage.ACCURATE : Stage.FAST),
          st.report(), st.thresholds(), List.of(note));
    }
  }

  /** The folder's {@link TransformerStage#STACK_FILE} where there is one (a model keeps its windows and encoder name). */
  static TransformerStage.Settings settings(Path dir) throws java.io.IOException {
    Path file = dir.resolve(TransformerStage.STACK_FILE);
    if (!Files.isRegularFile(file)) return TransformerStage.readSettings(null);
    try (var in = Files.newInputStream(file)) {
      return TransformerStage.readSettings(in);
    }
  }

  /** [row][0 = fast margin, 1 = transformer logit][category]; rows scored in parallel, one comment per call. */
  private static double[][][] margins(List<Example> ex, NgramClassifier fast, TransformerStage model) {
    double[][][] out = new double[ex.size()][][];
    IntStream.range(0, out.length).parallel().forEach(i -> {
      String text = ex.get(i).text();
      out[i] = new double[][] {fast.margins(text), model.logits(text)};
    });
    return out;
  }
}
