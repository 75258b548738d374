package parley.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import parley.classify.AccurateModel;
import parley.classify.Category;
import parley.classify.Classifier;
import parley.classify.FastModel;
import parley.classify.LanguageGate;
import parley.classify.NgramClassifier;
import parley.classify.ParleyClassifier;
import parley.classify.SemanticStage;
import parley.classify.SentenceEncoder;
import parley.classify.Stage;

/**
 * Trains the semantic stage: MiniLM embeddings of the train split, a liblinear logistic head per category, then a
 * stacker per category on dev over (fast margin, semantic margin). Compares fast, semantic and stacked on dev (the
 * stacked figure 5-fold cross-validated) and makes the accurate stage the default only if it wins.
 */
final class SemanticTrainer {
  /** Mean dev ROC-AUC gain the stacked stage must show over the fast stage to become the default. */
  static final double MIN_GAIN = 0.002;
  static final String MODEL = "all-MiniLM-L6-v2 (quantized ONNX, from the Maven artifact) sentence embeddings, one liblinear "
      + "logistic head per category";

  private SemanticTrainer() {}

  static Accurate train(TrainingReport r, ModelTrainer.Options o, Consumer<String> log) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    try {
      Linear.disableDebugOutput();
      SentenceEncoder encoder = SentenceEncoder.create(pool);
      EmbeddingCache cache = new EmbeddingCache(o.cacheDir());
      NgramClassifier fast = new NgramClassifier(r.fast(), LanguageGate.create());
      List<Example> train = new ArrayList<>(), dev = new ArrayList<>();
      for (String name : r.sources()) {
        r.all().get(name).stream().filter(e -> e.split() == Split.TRAIN && !e.labels().isEmpty()).forEach(train::add);
        r.devBy().get(name).stream().filter(e -> !e.labels().isEmpty()).forEach(dev::add);
      }
      long t0 = System.nanoTime();
      SemanticStage stage;
      if (o.evaluateOnly() && java.nio.file.Files.isRegularFile(o.outDir().resolve("semantic.json"))) {
        try (var in = java.nio.file.Files.newInputStream(o.outDir().resolve("semantic.json"))) {
          stage = SemanticStage.read(in); // heads as trained; the stacker is refitted below, as in training
        }
      } else {
        if (o.semanticRowsPerDataset() > 0) train = capPerDataset(train, o.semanticRowsPerDataset());
        float[][] trainEmb = cache.encodeAll(encoder, train.stream().map(Example::text).toList());
        log.accept(String.format("embedded %,d train rows in %.0f s", train.size(), (System.nanoTime() - t0) / 1e9));
        Feature[][] x = new Feature[trainEmb.length][];
        for (int i = 0; i < x.length; i++) x[i] = dense(trainEmb[i]);
        float[][] devEmb = cache.encodeAll(encoder, dev.stream().map(Example::text).toList());
        List<java.util.concurrent.Future<double[]>> fits = new ArrayList<>();
        List<Example> fitRows = train;
        for (Category c : Category.values()) {
          fits.add(pool.submit(() -> fitHead(c, fitRows, x, dev, devEmb, o.seed(), log)));
        }
        double[][] headW = new double[fits.size()][];
        double[] headB = new double[fits.size()];
        for (int c = 0; c < headW.length; c++) {
          double[] head = fits.get(c).get();
          headW[c] = java.util.Arrays.copyOf(head, SentenceEncoder.DIM);
          headB[c] = head[SentenceEncoder.DIM];
        }
        stage = new SemanticStage(headW, headB, new double[headW.length][3]); // its stacker is fitted below
      }

      // margins of both stages on every dev and test split
      Map<String, double[][][]> devM = new LinkedHashMap<>(), testM = new LinkedHashMap<>();
      for (String name : r.devBy().keySet()) {
        if (o.semanticRowsPerDataset() > 0 && !r.sources().contains(name)) continue;
        devM.put(name, margins(r.devBy().get(name), fast, stage, encoder, cache));
        testM.put(name, margins(r.testBy().get(name), fast, stage, encoder, cache));
      }
      cache.save();
      double embedSeconds = (System.nanoTime() - t0) / 1e9;
      log.accept(String.format("semantic stage: embeddings and heads in %.0f s", embedSeconds));
      Stacked st = stackAndReport(r, o, log, dev, devM, testM, embedSeconds, MODEL);
      stage = stage.withStack(st.stack());
      boolean accurateDefault = st.accurateDefault();
      double gain = st.gain();
      stage.write(o.outDir().resolve("semantic.json"));
      ObjectMapper json = new ObjectMapper();
      ObjectNode meta = (ObjectNode) json.readTree(o.outDir().resolve("model.json").toFile());
      meta.put("defaultStage", accurateDefault ? "accurate" : "fast");
      meta.put("accurateDevAucGain", gain);
      json.writerWithDefaultPrettyPrinter().writeValue(o.outDir().resolve("model.json").toFile(), meta);
      stage.useEncoder(encoder);
      return new Accurate(new ParleyClassifier(fast, stage, accurateDefault ? Stage.ACCURATE : Stage.FAST), st.report(),
          st.thresholds(), List.of());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The accurate stage as trained or evaluated: its classifier, its figures for the card, the thresholds that now apply
   * and notes for the card.
   */
  record Accurate(Classifier classifier, SemanticReport report, double[][] thresholds, List<String> notes) {}

  /**
   * The stacker per category, whether the accurate stage wins on dev, its mean dev ROC-AUC gain, its figures for the
   * card and the thresholds that apply with it (the accurate stage's where it wins, else the report's).
   */
  record Stacked(double[][] stack, boolean accurateDefault, double gain, SemanticReport report, double[][] thresholds) {}

  /**
   * Stacks the fast margin and the second model's margin per category on the training sources' pooled dev rows,
   * compares fast, model alone and stacked (5-fold CV), and — when the stacked stage wins — makes the policy's
   * thresholds follow it.
   *
   * @param devM [row][0 = fast, 1 = model][category] margins per dev split; testM the same for test splits
   */
  static Stacked stackAndReport(TrainingReport r, ModelTrainer.Options o, Consumer<String> log, List<Example> dev,
      Map<String, double[][][]> devM, Map<String, double[][][]> testM, double modelSeconds, String model)
      throws java.io.IOException {
    double[][] stack = new double[Category.values().length][];
    double[][][] poolDev = pooled(r, devM);
    Map<Category, double[]> devAuc = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      List<double[]> f = new ArrayList<>();
      List<Integer> y = new ArrayList<>();
      for (int i : Balance.indices(dev, c)) {
        f.add(new double[] {poolDev[i][0][c.ordinal()], poolDev[i][1][c.ordinal()]});
        y.add(dev.get(i).label(c));
      }
      stack[c.ordinal()] = fitStacker(f, y, o.seed());
      devAuc.put(c, compare(f, y, o.seed()));
      log.accept(String.format("  %-8s dev auc fast %.4f model %.4f stacked(cv) %.4f", c.key(), devAuc.get(c)[0],
          devAuc.get(c)[1], devAuc.get(c)[2]));
    }
    double gain = devAuc.values().stream().mapToDouble(v -> v[2] - v[0]).average().orElse(0);
    boolean accurateDefault = gain >= MIN_GAIN;
    Map<String, double[][]> semTest = new LinkedHashMap<>(), stackDev = new LinkedHashMap<>(), stackTest = new LinkedHashMap<>();
    testM.forEach((name, m) -> {
      semTest.put(name, apply(m, (fm, sm) -> sigmoidAll(sm)));
      stackTest.put(name, apply(m, (fm, sm) -> AccurateModel.stacked(stack, fm, sm)));
    });
    devM.forEach((name, m) -> stackDev.put(name, apply(m, (fm, sm) -> AccurateModel.stacked(stack, fm, sm))));
    double[][] thresholds = r.thresholds();
    if (accurateDefault) {
      // the policy's thresholds follow the stage that scores by default
      double[][] t = ThresholdCalibration.fromDev(dev,
          apply(poolDev, (fm, sm) -> AccurateModel.stacked(stack, fm, sm)));
      double held = ThresholdCalibration.capOrdinaryHolds(t, ThresholdCalibration.ordinaryNews(r.devBy(), stackDev),
          ThresholdCalibration.abuseToKeepHeld(r.devBy(), stackDev));
      log.accept(String.format("accurate thresholds: ordinary news dev comments held %.1f %%", 100 * held));
      thresholds = t;
      ThresholdCalibration.write(o.outDir().resolve("thresholds.json"), thresholds);
    }
    SemanticReport report = new SemanticReport(model, semTest, stackDev, stackTest, devAuc, accurateDefault, modelSeconds);
    return new Stacked(stack, accurateDefault, gain, report, thresholds);
  }

  /** Every k-th row of each dataset, so that no dataset has more than {@code cap}: deterministic. */
  static List<Example> capPerDataset(List<Example> rows, int cap) {
    Map<String, List<Example>> by = new LinkedHashMap<>();
    for (Example e : rows) by.computeIfAbsent(e.dataset(), k -> new ArrayList<>()).add(e);
    List<Example> out = new ArrayList<>();
    by.values().forEach(l -> {
      int step = Math.max(1, (l.size() + cap - 1) / cap);
      for (int i = 0; i < l.size(); i += step) out.add(l.get(i));
    });
    return out;
  }

  interface Combine {
    double[] apply(double[] fastMargins, double[] semMargins);
  }

  private static double[][] apply(double[][][] m, Combine f) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) out[i] = f.apply(m[i][0], m[i][1]);
    return out;
  }

  private static double[] sigmoidAll(double[] m) {
    double[] p = new double[m.length];
    for (int i = 0; i < m.length; i++) p[i] = FastModel.sigmoid(m[i]);
    return p;
  }

  /** [row][0 = fast, 1 = semantic][category]. */
  private static double[][][] margins(List<Example> ex, NgramClassifier fast, SemanticStage stage, SentenceEncoder enc,
      EmbeddingCache cache) {
    float[][] emb = cache.encodeAll(enc, ex.stream().map(Example::text).toList());
    double[][][] out = new double[ex.size()][][];
    for (int i = 0; i < out.length; i++) out[i] = new double[][] {fast.margins(ex.get(i).text()), stage.semanticMargins(emb[i])};
    return out;
  }

  private static double[][][] pooled(TrainingReport r, Map<String, double[][][]> devM) {
    List<double[][]> out = new ArrayList<>();
    for (String name : r.sources()) {
      List<Example> d = r.devBy().get(name);
      for (int i = 0; i < d.size(); i++) if (!d.get(i).labels().isEmpty()) out.add(devM.get(name)[i]);
    }
    return out.toArray(double[][][]::new);
  }

  private static Feature[] dense(float[] v) {
    Feature[] f = new Feature[v.length + 1];
    for (int k = 0; k < v.length; k++) f[k] = new FeatureNode(k + 1, v[k]);
    f[v.length] = new FeatureNode(v.length + 1, 1.0);
    return f;
  }

  /** Regularization strengths tried per head; the one with the best dev ROC-AUC is kept. */
  static final double[] HEAD_C = {0.5, 4, 32};

  /** The head with the best dev ROC-AUC over {@link #HEAD_C}: its weights, then its bias. */
  private static double[] fitHead(Category c, List<Example> train, Feature[][] x, List<Example> dev,
      float[][] devEmb, long seed, Consumer<String> log) {
    List<Integer> rows = Balance.trainingIndices(train, c);
    Problem p = new Problem();
    p.l = rows.size();
    p.n = SentenceEncoder.DIM + 1;
    p.bias = 1;
    p.x = new Feature[p.l][];
    p.y = new double[p.l];
    for (int k = 0; k < p.l; k++) {
      p.x[k] = x[rows.get(k)];
      p.y[k] = train.get(rows.get(k)).label(c);
    }
    List<Integer> devRows = Balance.indices(dev, c);
    int[] y = devRows.stream().mapToInt(i -> dev.get(i).label(c)).toArray();
    double bestAuc = 0;
    double[] best = new double[SentenceEncoder.DIM + 1];
    for (int n = 0; n < HEAD_C.length; n++) {
      Parameter param = new Parameter(SolverType.L2R_LR, HEAD_C[n], 0.01);
      param.setRandom(new Random(seed));
      Model m = Linear.train(p, param);
      double[] w = m.getFeatureWeights();
      double sign = m.getLabels()[0] == 1 ? 1 : -1;
      double[] s = new double[devRows.size()];
      for (int k = 0; k < s.length; k++) {
        float[] e = devEmb[devRows.get(k)];
        double z = w[SentenceEncoder.DIM];
        for (int d = 0; d < SentenceEncoder.DIM; d++) z += w[d] * e[d];
        s[k] = sign * z;
      }
      double auc = Metrics.rocAuc(s, y);
      log.accept(String.format("  %-8s semantic head C=%-4s dev-auc=%.4f", c.key(), HEAD_C[n], auc));
      if (n > 0 && !(auc > bestAuc)) continue; // NaN (no dev positives) keeps the first
      bestAuc = auc;
      for (int k = 0; k <= SentenceEncoder.DIM; k++) best[k] = sign * w[k];
    }
    return best;
  }

  /** Logistic regression of the label on (fast margin, semantic margin): returns {a, b, c}. */
  static double[] fitStacker(List<double[]> f, List<Integer> y, long seed) {
    Problem p = new Problem();
    p.l = f.size();
    p.n = 3;
    p.bias = 1;
    p.x = new Feature[p.l][];
    p.y = new double[p.l];
    for (int i = 0; i < p.l; i++) {
      p.x[i] = new Feature[] {new FeatureNode(1, f.get(i)[0]), new FeatureNode(2, f.get(i)[1]), new FeatureNode(3, 1.0)};
      p.y[i] = y.get(i);
    }
    Parameter param = new Parameter(SolverType.L2R_LR, 10, 1e-4);
    param.setRandom(new Random(seed));
    Model m = Linear.train(p, param);
    double[] w = m.getFeatureWeights();
    double sign = m.getLabels()[0] == 1 ? 1 : -1;
    return new double[] {sign * w[0], sign * w[1], sign * w[2]};
  }

  /** {fast AUC, semantic AUC, stacked AUC by 5-fold CV} on the given dev rows. */
  private static double[] compare(List<double[]> f, List<Integer> y, long seed) {
    int n = f.size();
    double[] fs = new double[n], ss = new double[n], st = new double[n];
    int[] yy = new int[n];
    for (int i = 0; i < n; i++) {
      fs[i] = f.get(i)[0];
      ss[i] = f.get(i)[1];
      yy[i] = y.get(i);
    }
    for (int fold = 0; fold < 5; fold++) {
      List<double[]> tf = new ArrayList<>();
      List<Integer> ty = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (i % 5 != fold) {
          tf.add(f.get(i));
          ty.add(y.get(i));
        }
      }
      double[] w = fitStacker(tf, ty, seed);
      for (int i = fold; i < n; i += 5) st[i] = w[0] * fs[i] + w[1] * ss[i] + w[2];
    }
    return new double[] {Metrics.rocAuc(fs, yy), Metrics.rocAuc(ss, yy), Metrics.rocAuc(st, yy)};
  }
}
