package parley.classify.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.classify.Adaptation;
import parley.classify.Category;
import parley.classify.FastModel;
import parley.classify.LanguageGate;
import parley.classify.NgramClassifier;
import parley.classify.TransformerStage;

/**
 * Fits a newsroom's {@link Adaptation} of a trained model on its moderators' verdicts, without the datasets the model
 * was trained on: {@code parley train --feedback} with no {@code --data}. Per category, every verdict that labels it is
 * scored once by the model (fast margin, the transformer's windows and the vector its heads read; the strongest
 * window for abuse, the head for spam), then an {@link OffsetLogistic} correction is fitted on top of the model's own
 * stacked margin. Its penalty is chosen by 5-fold cross-validation over the verdicts; a category is adapted only with
 * at least {@link #MIN_VERDICTS} verdicts that label it, where the held-out verdicts agree clearly better than without
 * (log-loss, {@link #MIN_RELATIVE_GAIN} and {@link #MIN_GAIN}), and where at most {@link #MAX_REFERENCE_CHANGE} of the
 * reference comments below change their hold decision. The held-out figures are what the newsroom is told.
 *
 * <p>Verdicts teach what they are about and, left alone, more: approving "garbage decision by the council" would
 * also teach that "you worthless piece of garbage" is fine. So every fit also holds on to Parley's own reference
 * comments (the hand-written augmentation set in the jar, every {@link #REFERENCE_STEP}th row: threats, insults,
 * hate, spam and their ordinary look-alikes), each with the model's own score as its target: the correction may move
 * the verdicts' kind of comment and must leave the rest where it was. The share of reference comments whose hold
 * decision changes anyway is reported. Held that way, a newsroom that has only approved the model's false holds so far
 * teaches it to let their kind through and keeps insults at people held; but the hand-written rows do not stand in for
 * real news comments, and such approvals can still lower toxic scores across them (session 29: docs/classifier.md,
 * "What is protected").
 */
public final class FeedbackAdapter {
  /** Verdicts a category needs before it is adapted (one-sided is fine: the reference comments hold the rest). */
  static final int MIN_VERDICTS = 10;
  /** A fit must cut the held-out log-loss per verdict by this share and by {@link #MIN_GAIN} at least. */
  static final double MIN_RELATIVE_GAIN = 0.1, MIN_GAIN = 0.01;
  /**
   * At most this many verdicts are fitted on, the newest (the end of the list): memory stays bounded (each is a
   * 384-wide vector per category, ~0.2 GB at this count) and the newest reflect the newsroom's current standards.
   */
  static final int MAX_VERDICTS = 20_000;
  /** A fit that changes more of the reference comments' hold decisions than this is not used. */
  static final double MAX_REFERENCE_CHANGE = 0.02;
  static final double[] PENALTIES = {0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000};
  static final int FOLDS = 5;
  /** Every 2nd row of the augmentation set (~1,400 comments, ~15 s to score on two cores). */
  static final int REFERENCE_STEP = 2;

  /**
   * One category's outcome; before/after are on held-out folds (log-loss per verdict; agreement = share of verdicts on
   * the same side of the category's hold line as the moderators).
   */
  public record CategoryFit(Category category, int verdicts, int positives, boolean adapted, double penalty,
      double logLossBefore, double logLossAfter, double agreementBefore, double agreementAfter,
      double referenceChanged, String note) {}

  public record Result(List<CategoryFit> categories, Adaptation adaptation, int verdicts, double seconds) {}

  private record Scored(Example example, double[] offset, float[][] pooled) {}

  private FeedbackAdapter() {}

  /**
   * Fits on {@code verdicts} (each source's oldest first; past {@link #MAX_VERDICTS}, the end of the list) against the
   * model in {@code modelDir} and writes {@link Adaptation#FILE} there.
   */
  public static Result adapt(Path modelDir, List<Example> verdicts, Consumer<String> log) throws IOException {
    return adapt(modelDir, verdicts, MAX_VERDICTS, log);
  }

  static Result adapt(Path modelDir, List<Example> verdicts, int maxVerdicts, Consumer<String> log) throws IOException {
    long t0 = System.nanoTime();
    if (verdicts.size() > maxVerdicts) {
      log.accept(String.format("feedback: %,d verdicts; fitting on the newest %,d", verdicts.size(), maxVerdicts));
      verdicts = verdicts.subList(verdicts.size() - maxVerdicts, verdicts.size());
    }
    Path onnx = modelDir.resolve(TransformerStage.FILE);
    if (!Files.isRegularFile(onnx)) throw new IOException("no " + TransformerStage.FILE + " in " + modelDir + ": only "
        + "a model with the fine-tuned transformer can be adapted");
    FastModel fastModel;
    try (InputStream in = Files.newInputStream(modelDir.resolve("fast.bin.gz"))) {
      fastModel = FastModel.read(in);
    }
    NgramClassifier fast = new NgramClassifier(fastModel, LanguageGate.create());
    TransformerStage.Settings settings;
    try (InputStream in = Files.newInputStream(modelDir.resolve(TransformerStage.STACK_FILE))) {
      settings = TransformerStage.readSettings(in);
    }
    List<Scored> scored = new ArrayList<>(), reference = new ArrayList<>();
    List<Example> referenceRows = referenceComments();
    try (TransformerStage network = new TransformerStage(() -> Files.newInputStream(onnx), settings.stack(),
        settings.windows(), settings.wholeUpTo(), parley.classify.Adaptation.NONE, null, null, settings.readings())) {
      // one ONNX Runtime thread per call (as when serving): the cores score different comments
      java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
      int total = verdicts.size() + referenceRows.size();
      java.util.function.Function<Example, Scored> scoring = e -> {
        Scored one = score(e, fast.margins(e.text()), network.windows(e.text()), settings.stack());
        int n = done.incrementAndGet();
        if (n % 1000 == 0) log.accept(String.format("feedback: scored %,d of %,d comments", n, total));
        return one;
      };
      scored.addAll(verdicts.parallelStream().map(scoring).toList());
      reference.addAll(referenceRows.parallelStream().map(scoring).toList());
      log.accept(String.format("feedback: scored %,d verdicts and %,d reference comments", scored.size(), reference.size()));
    }
    Map<Category, Double> holdLines = holdLines(modelDir);
    int n = Category.values().length;
    float[][] weights = new float[n][];
    double[] bias = new double[n];
    List<CategoryFit> fits = new ArrayList<>();
    for (Category c : Category.values()) {
      CategoryFit fit = fitCategory(c, scored, reference, settings.stack()[c.ordinal()][1], holdLines.get(c), weights, bias);
      fits.add(fit);
      log.accept("feedback: " + describe(fit));
    }
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("verdicts", verdicts.size());
    for (CategoryFit f : fits) {
      if (f.adapted()) about.put(f.category().key(), Map.of("verdicts", f.verdicts(), "positives", f.positives(),
          "penalty", f.penalty(), "heldOutLogLoss", List.of(f.logLossBefore(), f.logLossAfter()),
          "heldOutAgreement", List.of(f.agreementBefore(), f.agreementAfter()), "referenceChanged", f.referenceChanged()));
    }
    Adaptation adaptation = new Adaptation(weights, bias, about);
    Files.deleteIfExists(modelDir.resolve(Adaptation.FILE));
    if (!adaptation.isEmpty()) adaptation.write(modelDir.resolve(Adaptation.FILE));
    return new Result(fits, adaptation, verdicts.size(), (System.nanoTime() - t0) / 1e9);
  }

  static String describe(CategoryFit f) {
    if (!f.adapted()) return String.format("%s: not adapted (%,d verdicts, %,d positive): %s", f.category().key(),
        f.verdicts(), f.positives(), f.note());
    return String.format("%s: adapted on %,d verdicts (%,d positive), penalty %s; held-out log-loss %.3f -> %.3f, "
            + "agreement with the moderators %.1f %% -> %.1f %%; reference comments decided otherwise: %.1f %%",
        f.category().key(), f.verdicts(), f.positives(), f.penalty(), f.logLossBefore(), f.logLossAfter(),
        100 * f.agreementBefore(), 100 * f.agreementAfter(), 100 * f.referenceChanged());
  }

  /** The model's stacked margin per category (what the correction adds to) and the pooled vector it is read from. */
  private static Scored score(Example e, double[] fastMargins, List<TransformerStage.Window> windows, double[][] stack) {
    int n = Category.values().length;
    double[] offset = new double[n];
    float[][] pooled = new float[n][];
    for (int c = 0; c < n; c++) {
      TransformerStage.Window best = windows.get(0);
      if (c != Category.SPAM.ordinal()) for (TransformerStage.Window w : windows) if (w.probs()[c] > best.probs()[c]) best = w;
      offset[c] = stack[c][0] * fastMargins[c] + stack[c][1] * TransformerStage.logit(best.probs()[c]) + stack[c][2];
      pooled[c] = best.pooled();
    }
    return new Scored(e, offset, pooled);
  }

  /**
   * Fits one category into {@code weights}/{@code bias} (in the network's logit space: the stacker weighs the network's
   * logit by {@code b}, so a correction {@code m} of the stacked margin is {@code m / b} of the logit).
   */
  private static CategoryFit fitCategory(Category c, List<Scored> all, List<Scored> reference, double b,
      double holdLine, float[][] weights, double[] bias) {
    int k = c.ordinal();
    List<Scored> labelled = all.stream().filter(s -> s.example().has(c)).toList();
    int n = labelled.size(), positives = (int) labelled.stream().filter(s -> s.example().label(c) == 1).count();
    if (n < MIN_VERDICTS) {
      return new CategoryFit(c, n, positives, false, 0, 0, 0, 0, 0, 0, "needs at least " + MIN_VERDICTS + " verdicts");
    }
    if (b < 0.05) return new CategoryFit(c, n, positives, false, 0, 0, 0, 0, 0, 0, "the stacker does not read the network here");
    List<Scored> rows = new ArrayList<>(labelled);
    rows.addAll(reference);
    int d = rows.get(0).pooled()[k].length, m = rows.size();
    double[] mean = new double[d], scale = new double[d];
    for (Scored s : rows) for (int i = 0; i < d; i++) mean[i] += s.pooled()[k][i] / m;
    for (Scored s : rows) for (int i = 0; i < d; i++) scale[i] += Math.pow(s.pooled()[k][i] - mean[i], 2) / m;
    for (int i = 0; i < d; i++) scale[i] = Math.max(1e-6, Math.sqrt(scale[i]));
    double[][] x = new double[m][d];
    double[] offset = new double[m], y = new double[m];
    int[] fold = new int[m];
    for (int r = 0; r < m; r++) {
      Scored s = rows.get(r);
      for (int i = 0; i < d; i++) x[r][i] = (s.pooled()[k][i] - mean[i]) / scale[i];
      offset[r] = s.offset()[k];
      boolean verdict = r < n;
      y[r] = verdict ? s.example().label(c) : FastModel.sigmoid(offset[r]); // a reference comment keeps its score
      fold[r] = verdict ? Math.floorMod(s.example().id().hashCode(), FOLDS) : -1;
    }
    double holdMargin = TransformerStage.logit(holdLine >= 1 ? 0.5 : holdLine);
    double before = 0, agreeBefore = 0;
    for (int r = 0; r < n; r++) {
      before += OffsetLogistic.logLoss(offset[r], y[r]);
      if ((offset[r] >= holdMargin) == (y[r] == 1)) agreeBefore++;
    }
    double[] loss = new double[PENALTIES.length], agree = new double[PENALTIES.length];
    int best = 0;
    for (int p = 0; p < PENALTIES.length; p++) {
      double[] heldOut = crossValidated(x, offset, y, fold, PENALTIES[p]);
      for (int r = 0; r < n; r++) {
        loss[p] += OffsetLogistic.logLoss(offset[r] + heldOut[r], y[r]);
        if ((offset[r] + heldOut[r] >= holdMargin) == (y[r] == 1)) agree[p]++;
      }
      if (loss[p] < loss[best]) best = p;
    }
    double needed = Math.max(MIN_RELATIVE_GAIN * before, MIN_GAIN * n);
    if (before - loss[best] < needed) {
      return new CategoryFit(c, n, positives, false, PENALTIES[best], before / n, loss[best] / n, agreeBefore / n,
          agree[best] / n, 0, "no clear gain on held-out verdicts");
    }
    // the best held-out fit, or the least stronger penalty that still gains clearly and keeps the reference comments
    // (the best fit can sit just past the cap: another machine's int8 kernels move scores by a little)
    double[] w = null;
    double referenceChanged = 0, firstChanged = -1;
    int chosen = -1;
    for (int p = best; p < PENALTIES.length && chosen < 0; p++) {
      if (before - loss[p] < needed) continue;
      double[] fit = OffsetLogistic.fit(x, offset, y, PENALTIES[p]);
      int changed = 0;
      for (int r = n; r < m; r++) {
        if ((offset[r] >= holdMargin) != (offset[r] + OffsetLogistic.margin(fit, x[r]) >= holdMargin)) changed++;
      }
      referenceChanged = m == n ? 0 : (double) changed / (m - n);
      if (firstChanged < 0) firstChanged = referenceChanged;
      if (referenceChanged <= MAX_REFERENCE_CHANGE) {
        chosen = p;
        w = fit;
      }
    }
    if (chosen < 0) {
      return new CategoryFit(c, n, positives, false, PENALTIES[best], before / n, loss[best] / n, agreeBefore / n,
          agree[best] / n, firstChanged, String.format("it would change %.1f %% of the reference comments' decisions",
          100 * firstChanged));
    }
    double bestPenalty = PENALTIES[chosen], bestLoss = loss[chosen], bestAgree = agree[chosen];
    float[] raw = new float[d];
    double intercept = w[d];
    for (int i = 0; i < d; i++) {
      raw[i] = (float) (w[i] / scale[i] / b);
      intercept -= w[i] * mean[i] / scale[i];
    }
    weights[k] = raw;
    bias[k] = intercept / b;
    return new CategoryFit(c, n, positives, true, bestPenalty, before / n, bestLoss / n, agreeBefore / n,
        bestAgree / n, referenceChanged, "");
  }

  /** Parley's reference comments: every {@link #REFERENCE_STEP}th row of the augmentation set in the jar. */
  static List<Example> referenceComments() throws IOException {
    List<Example> all = Corpus.readAugmentation(), out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += REFERENCE_STEP) if (!all.get(i).text().isBlank()) out.add(all.get(i));
    return out;
  }

  /** Each row's correction from a fit on the other folds. */
  private static double[] crossValidated(double[][] x, double[] offset, double[] y, int[] fold, double penalty) {
    double[] out = new double[x.length];
    for (int k = 0; k < FOLDS; k++) {
      List<Integer> train = new ArrayList<>();
      for (int r = 0; r < x.length; r++) if (fold[r] != k) train.add(r); // reference rows (fold -1) always train
      if (train.size() == x.length) continue;
      double[][] tx = new double[train.size()][];
      double[] to = new double[train.size()];
      double[] ty = new double[train.size()];
      for (int i = 0; i < train.size(); i++) {
        tx[i] = x[train.get(i)];
        to[i] = offset[train.get(i)];
        ty[i] = y[train.get(i)];
      }
      double[] w = OffsetLogistic.fit(tx, to, ty, penalty);
      for (int r = 0; r < x.length; r++) if (fold[r] == k) out[r] = OffsetLogistic.margin(w, x[r]);
    }
    return out;
  }

  private static Map<Category, Double> holdLines(Path modelDir) throws IOException {
    Map<Category, parley.classify.CalibratedLine> known = parley.classify.Models.lines(modelDir);
    Map<Category, Double> lines = new LinkedHashMap<>();
    for (Category c : Category.values()) lines.put(c, known.containsKey(c) ? known.get(c).hold() : 0.5);
    return lines;
  }
}
