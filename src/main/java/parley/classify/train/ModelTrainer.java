package parley.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.classify.Classifier;
import parley.classify.FastModel;
import parley.classify.LanguageGate;
import parley.classify.NgramClassifier;
import parley.classify.SpanLexicon;
import parley.classify.Stage;

/**
 * {@code parley train}: reads the datasets, trains the fast stage (and the semantic stage unless disabled) on train
 * splits, tunes on dev, evaluates on every dataset's test split and writes the model directory with its card.
 */
public final class ModelTrainer {
  /**
   * @param research train on every source (non-commercial, share-alike and unverified included): not for shipping
   * @param maxRowsPerDataset 0 for all; a small number makes the quick training test
   * @param cacheDir where sentence embeddings are kept between runs, or null
   * @param semanticRowsPerDataset 0 for all; else the semantic heads train on at most this many rows per dataset
   *     and the accurate stage is evaluated on the training sources' splits only (sentence encoding is the slow part)
   * @param evaluateOnly keep the weights already in {@code outDir}; redo calibration checks, thresholds and the card
   */
  public record Options(Path dataDir, Path outDir, long seed, int bits, boolean research, boolean semantic,
      boolean augment, int maxRowsPerDataset, Path cacheDir, boolean evaluateOnly, int semanticRowsPerDataset,
      List<Example> feedback, double[] fixedC) {

    public Options(Path dataDir, Path outDir, long seed, int bits, boolean research, boolean semantic,
        boolean augment, int maxRowsPerDataset, Path cacheDir, boolean evaluateOnly, int semanticRowsPerDataset) {
      this(dataDir, outDir, seed, bits, research, semantic, augment, maxRowsPerDataset, cacheDir, evaluateOnly,
          semanticRowsPerDataset, List.of(), null);
    }

    public Options(Path dataDir, Path outDir, long seed, int bits, boolean research, boolean semantic,
        boolean augment, int maxRowsPerDataset, Path cacheDir, boolean evaluateOnly, int semanticRowsPerDataset,
        List<Example> feedback) {
      this(dataDir, outDir, seed, bits, research, semantic, augment, maxRowsPerDataset, cacheDir, evaluateOnly,
          semanticRowsPerDataset, feedback, null);
    }
  }

  /** The dataset name under which a newsroom's own moderation verdicts join the training data. */
  public static final String FEEDBACK = "parley_feedback";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Options o;
  private final Consumer<String> log;

  public ModelTrainer(Options options, Consumer<String> log) {
    this.o = options;
    this.log = log;
  }

  /** Trains everything, measures fairness and speed, writes the model card. */
  public TrainingReport runAll() throws Exception {
    TrainingReport fastOnly = run();
    NgramClassifier fc = new NgramClassifier(fastOnly.fast(), LanguageGate.create());
    // a card for the fast stage right away, so a long semantic run never leaves a model without one
    Files.writeString(o.outDir().resolve("model-card.md"), fastOnly.modelCard(fastOnly.fairness(fc, null)));
    SemanticTrainer.Accurate accurate = null;
    if (TransformerTrainer.present(o.outDir())) accurate = TransformerTrainer.evaluate(fastOnly, o, log);
    else if (o.semantic()) accurate = SemanticTrainer.train(fastOnly, o, log);
    TrainingReport withAccurate = accurate == null ? fastOnly : fastOnly.withAccurate(accurate.report(), accurate.thresholds());
    List<String> notes = new ArrayList<>(accurate == null ? List.of() : accurate.notes());
    SpanTrainer.Result spans = accurate != null && TransformerTrainer.present(o.outDir()) && SpanTrainer.present(o.outDir())
        ? SpanTrainer.tune(o.dataDir(), o.outDir(), TransformerTrainer.settings(o.outDir()), log) : null;
    TrainingReport r = spans == null ? withAccurate : withAccurate.withSpanF1(spans.devF1());
    if (spans != null) {
      notes.add(String.format("toxic spans: the span branch (spans.onnx) blended with the word table (spans.tsv) at weight %.1f, "
          + "lines %.2f / %.2f, chosen on every tenth toxic_spans train comment: dev character F1 %.3f; word table alone %.3f, "
          + "branch alone %.3f", spans.mix().weight(), spans.mix().line(), spans.mix().neighbour(), spans.devF1(),
          spans.tableF1(), spans.branchF1()));
    }
    notes.add(String.format("fast stage, single thread, in-process timing over dev texts: %,.0f comments/s (JMH figures in docs/classifier.md)", speed(fc, r)));
    long bytes = 0;
    try (var files = Files.list(o.outDir())) {
      for (Path p : files.toList()) bytes += Files.size(p);
    }
    notes.add(String.format("model folder size: %.1f MB", bytes / 1e6));
    Classifier accurateClassifier = accurate == null ? null : accurate.classifier();
    Map<String, Map<String, int[]>> functional = new LinkedHashMap<>();
    functional.put("fast", FunctionalChecks.run(fc, Stage.FAST, (text, c) -> r.held(c)));
    if (accurateClassifier != null) {
      functional.put("accurate", FunctionalChecks.run(accurateClassifier, Stage.ACCURATE, (text, c) -> r.held(c)));
    }
    TrainingReport checked = r.withChecks(notes, functional);
    Files.writeString(o.outDir().resolve("model-card.md"), checked.modelCard(checked.fairness(fc, accurateClassifier)));
    return checked;
  }

  private static double speed(NgramClassifier fc, TrainingReport r) {
    List<String> texts = new ArrayList<>();
    r.devBy().values().forEach(l -> l.forEach(e -> texts.add(e.text())));
    if (texts.isEmpty()) return Double.NaN;
    for (int i = 0; i < Math.min(texts.size(), 3000); i++) fc.classify(texts.get(i));
    int n = Math.min(texts.size(), 10000);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) fc.classify(texts.get(i));
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  public TrainingReport run() throws Exception {
    long t0 = System.nanoTime();
    List<String> sources = new ArrayList<>(Corpus.SHIPPABLE);
    if (o.research()) sources.addAll(Corpus.RESEARCH_ONLY);
    Map<String, List<Example>> all = new LinkedHashMap<>();
    for (String name : concat(Corpus.SHIPPABLE, Corpus.RESEARCH_ONLY)) {
      // a missing dataset is left out and said so: a publisher's clone has none, and trains on its own verdicts
      if (!Corpus.exists(o.dataDir(), name)) {
        log.accept("dataset " + name + " not found under " + o.dataDir() + ": left out");
        sources.remove(name);
        continue;
      }
      all.put(name, sample(Corpus.readDataset(o.dataDir(), name)));
    }
    if (o.augment()) {
      all.put(Corpus.AUGMENT, Corpus.readAugmentation());
      sources.add(Corpus.AUGMENT);
    }
    if (!o.feedback().isEmpty()) {
      all.put(FEEDBACK, o.feedback());
      sources.add(FEEDBACK);
    }
    List<Example> train = new ArrayList<>(), dev = new ArrayList<>();
    Map<String, List<Example>> devBy = new LinkedHashMap<>(), testBy = new LinkedHashMap<>();
    all.forEach((name, ex) -> {
      List<Example> d = ex.stream().filter(e -> e.split() == Split.DEV).toList();
      List<Example> t = ex.stream().filter(e -> e.split() == Split.TEST).toList();
      devBy.put(name, d);
      testBy.put(name, t);
      if (sources.contains(name)) {
        train.addAll(ex.stream().filter(e -> e.split() == Split.TRAIN && !e.labels().isEmpty()).toList());
        dev.addAll(d.stream().filter(e -> !e.labels().isEmpty()).toList());
      }
    });
    if (train.isEmpty()) throw new java.io.IOException("no training data: no dataset under " + o.dataDir() + " and no augmentation");
    log.accept(String.format("sources %s: %,d train rows, %,d dev rows", sources, train.size(), dev.size()));

    FastTrainer ft = new FastTrainer(o.bits(), o.seed(), log);
    if (o.fixedC() != null) ft.fixC(o.fixedC());
    FastModel fast;
    if (o.evaluateOnly()) {
      try (var in = Files.newInputStream(o.outDir().resolve("fast.bin.gz"))) {
        fast = FastModel.read(in);
      }
      var c = JSON.readTree(o.outDir().resolve("model.json").toFile()).path("chosenC");
      for (int i = 0; i < ft.chosenC.length; i++) ft.chosenC[i] = c.path(i).asDouble(Double.NaN);
    } else {
      fast = ft.train(train, dev);
    }
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    NgramClassifier fastClassifier = new NgramClassifier(fast, LanguageGate.create());

    Map<String, double[][]> fastDev = scoreAll(devBy, ex -> fastClassifier.probabilities(texts(ex)));
    Map<String, double[][]> fastTest = scoreAll(testBy, ex -> fastClassifier.probabilities(texts(ex)));
    double[][] hold = ThresholdCalibration.fromDev(dev, concatScores(devBy, fastDev, sources));
    double ordinaryHeld = ThresholdCalibration.capOrdinaryHolds(hold, ThresholdCalibration.ordinaryNews(devBy, fastDev),
        ThresholdCalibration.abuseToKeepHeld(devBy, fastDev));
    log.accept(String.format("fast thresholds: ordinary news dev comments held %.1f %%", 100 * ordinaryHeld));

    Files.createDirectories(o.outDir());
    if (!o.evaluateOnly()) {
      try (OutputStream out = Files.newOutputStream(o.outDir().resolve("fast.bin.gz"))) {
        fast.write(out);
      }
    }
    ObjectNode meta = JSON.createObjectNode();
    meta.put("format", 1);
    meta.put("bits", o.bits());
    meta.put("seed", o.seed());
    meta.put("defaultStage", "fast");
    meta.putPOJO("sources", sources);
    meta.putPOJO("supportedLanguages", List.of("en"));
    meta.putPOJO("chosenC", ft.chosenC);
    JSON.writerWithDefaultPrettyPrinter().writeValue(o.outDir().resolve("model.json").toFile(), meta);
    ThresholdCalibration.write(o.outDir().resolve("thresholds.json"), hold);
    SpanLexicon lexicon = trainLexicon();

    double spanF1 = Double.NaN;
    if (lexicon != null) {
      spanF1 = lexicon.meanF1(Corpus.readMarked(o.dataDir(), Split.DEV));
      log.accept(String.format("toxic spans: dev character F1 %.3f (raters' words alone)", spanF1));
    }
    return new TrainingReport(o, sources, all, devBy, testBy, fast, ft.chosenC, hold, fastDev, fastTest, trainSeconds, spanF1);
  }

  /**
   * The raters' toxic-word table from toxic_spans' train split (its thresholds tuned by five-fold cross-validation on it), written as
   * {@code spans.tsv}; null when the dataset is absent.
   */
  private SpanLexicon trainLexicon() throws IOException {
    List<SpanLexicon.Marked> train = Corpus.readMarked(o.dataDir(), Split.TRAIN);
    if (train.isEmpty()) return null;
    SpanLexicon lexicon = SpanLexicon.fitTuned(train);
    try (OutputStream out = Files.newOutputStream(o.outDir().resolve("spans.tsv"))) {
      lexicon.write(out);
    }
    return lexicon;
  }

  private List<Example> sample(List<Example> ex) {
    if (o.maxRowsPerDataset() <= 0 || ex.size() <= o.maxRowsPerDataset()) return ex;
    // every k-th row: deterministic and keeps all splits represented
    int step = (ex.size() + o.maxRowsPerDataset() - 1) / o.maxRowsPerDataset();
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < ex.size(); i += step) out.add(ex.get(i));
    return out;
  }

  static Map<String, double[][]> scoreAll(Map<String, List<Example>> by, Evaluation.Scorer scorer) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    by.forEach((name, ex) -> out.put(name, scorer.score(ex)));
    return out;
  }

  static List<String> texts(List<Example> ex) {
    return ex.stream().map(Example::text).toList();
  }

  /** Dev scores of the training sources, aligned with {@code dev} as built in {@link #run()}. */
  private static double[][] concatScores(Map<String, List<Example>> devBy, Map<String, double[][]> s, List<String> sources) {
    List<double[]> out = new ArrayList<>();
    devBy.forEach((name, ex) -> {
      if (!sources.contains(name)) return;
      for (int i = 0; i < ex.size(); i++) if (!ex.get(i).labels().isEmpty()) out.add(s.get(name)[i]);
    });
    return out.toArray(double[][]::new);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static void writeString(Path p, String s) throws IOException {
    Files.writeString(p, s);
  }
}
