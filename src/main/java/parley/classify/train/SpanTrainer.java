package parley.classify.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import parley.classify.SpanLexicon;
import parley.classify.SpanMix;
import parley.classify.TransformerStage;

/**
 * Chooses how the toxic spans blend the span branch ({@code spans.onnx}, {@code tools/finetune/spans.py}) with the
 * word table ({@code spans.tsv}), and measures the result on toxic_spans' dev split. The choice is made on every tenth
 * comment of the train split, scored against a table fitted on the other nine tenths (the branch never trained on
 * them either), then written as {@link SpanMix#FILE}; dev is only measured.
 */
final class SpanTrainer {
  private SpanTrainer() {}

  /** The dev figures: both together, and the table alone, for the card's note. */
  record Result(SpanMix mix, double devF1, double tableF1, double branchF1) {}

  static boolean present(Path modelDir) {
    return Files.isRegularFile(modelDir.resolve("spans.onnx")) && Files.isRegularFile(modelDir.resolve("spans.tsv"));
  }

  /** Null when toxic_spans is not in the data folder. */
  static Result tune(Path dataDir, Path modelDir, TransformerStage.Settings settings, Consumer<String> log) throws IOException {
    List<SpanLexicon.Marked> train = Corpus.readMarked(dataDir, Split.TRAIN);
    List<SpanLexicon.Marked> dev = Corpus.readMarked(dataDir, Split.DEV);
    if (train.isEmpty() || dev.isEmpty()) return null;
    List<SpanLexicon.Marked> choose = new ArrayList<>(), fit = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) (i % 10 == 0 ? choose : fit).add(train.get(i));
    SpanLexicon part = SpanLexicon.fitTuned(fit);
    SpanLexicon table;
    try (var in = Files.newInputStream(modelDir.resolve("spans.tsv"))) {
      table = SpanLexicon.read(in);
    }
    Path onnx = modelDir.resolve(TransformerStage.FILE), spans = modelDir.resolve("spans.onnx");
    long t0 = System.nanoTime();
    try (TransformerStage stage = new TransformerStage(() -> Files.newInputStream(onnx), TransformerStage.readStack(null),
        settings.windows(), settings.wholeUpTo(), parley.classify.Adaptation.NONE, () -> Files.newInputStream(spans), null,
        settings.readings())) {
      List<float[]> chooseMarks = marks(stage, choose), devMarks = marks(stage, dev);
      if (chooseMarks.contains(null)) { // a network exported without the vectors the branch reads, or a broken branch
        log.accept("toxic spans: no marks from the span branch (" + onnx.getFileName() + " without a 'tokens' output: "
            + "tools/finetune/spans.py add-output; or a spans.onnx that does not load): the word table alone explains them");
        Files.deleteIfExists(modelDir.resolve(SpanMix.FILE));
        return null;
      }
      log.accept(String.format("toxic spans: branch marks for %,d comments in %.0f s", choose.size() + dev.size(), (System.nanoTime() - t0) / 1e9));
      SpanMix best = best(part, choose, chooseMarks, false), alone = best(part, choose, chooseMarks, true);
      best.write(modelDir.resolve(SpanMix.FILE));
      Result r = new Result(best, table.meanF1(dev, devMarks, best), table.meanF1(dev), table.meanF1(dev, devMarks, alone));
      log.accept(String.format("toxic spans: dev character F1 %.3f with the span branch (weight %.1f, lines %.2f / %.2f); "
          + "word table alone %.3f, branch alone %.3f", r.devF1(), best.weight(), best.line(), best.neighbour(), r.tableF1(), r.branchF1()));
      return r;
    }
  }

  private static List<float[]> marks(TransformerStage stage, List<SpanLexicon.Marked> rows) {
    float[][] out = new float[rows.size()][];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = stage.marks(rows.get(i).text()));
    return java.util.Arrays.asList(out);
  }

  /** The best mix on {@code rows}: the branch's weight in tenths (1 only, if {@code branchOnly}) and both lines in twentieths. */
  private static SpanMix best(SpanLexicon table, List<SpanLexicon.Marked> rows, List<float[]> marks, boolean branchOnly) {
    List<SpanMix> grid = new ArrayList<>();
    for (int w = branchOnly ? 10 : 0; w <= 10; w++) {
      for (int line = 2; line <= 16; line++) for (int n = 1; n <= line; n++) grid.add(new SpanMix(w / 10.0, line / 20.0, n / 20.0));
    }
    double[] f1 = new double[grid.size()];
    IntStream.range(0, grid.size()).parallel().forEach(g -> f1[g] = table.meanF1(rows, marks, grid.get(g)));
    int best = 0;
    for (int g = 1; g < f1.length; g++) if (f1[g] > f1[best]) best = g;
    return grid.get(best);
  }
}
