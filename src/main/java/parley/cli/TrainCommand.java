package parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import parley.classify.train.Example;
import parley.classify.train.ModelTrainer;
import parley.classify.train.TrainingReport;
import parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley train}: trains the moderation model from the normalized datasets and writes it with its model card. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the moderation classifier from normalized JSONL datasets (see docs/classifier.md).")
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", description = "Folder holding <name>/<name>.jsonl, e.g. ../shared/datasets. Without it, "
      + "--feedback adapts a trained model (--from) to the verdicts alone")
  Path data;

  @Option(names = "--from", paramLabel = "DIR",
      description = "With --feedback and no --data: the model folder to adapt (default: the shipped model)")
  Path from;

  @Option(names = "--out", required = true, description = "Folder to write the model into")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed and data give the same model")
  long seed;

  @Option(names = "--bits", defaultValue = "20", description = "Hash space is 2^bits buckets")
  int bits;

  @Option(names = "--research", description = "Also train on non-commercial/share-alike/unverified sources (not shippable)")
  boolean research;

  @Option(names = "--fast-only", description = "Skip the semantic (sentence encoder) stage")
  boolean fastOnly;

  @Option(names = "--no-augment", description = "Leave out Parley's hand-written augmentation set")
  boolean noAugment;

  @Option(names = "--sample", defaultValue = "0", description = "Use at most N rows per dataset (quick runs)")
  int sample;

  @Option(names = "--cache", description = "Folder to keep sentence embeddings between runs (outside the repository)")
  Path cache;

  @Option(names = "--evaluate-only", description = "Keep the weights in --out; redo thresholds, figures and model card")
  boolean evaluateOnly;

  @Option(names = "--semantic-rows", defaultValue = "0",
      description = "Train the semantic heads on at most N rows per dataset and evaluate the accurate stage on the training sources only (0 = all)")
  int semanticRows;

  @Option(names = "--feedback", description = "Learn from this newsroom's verdicts: approvals and rejections in the "
      + "dashboard and scores sent to comments:suggestscore (read from the database given by --data-dir / "
      + "--database-url / --config)")
  boolean feedback;

  @Option(names = "--c", split = ",", paramLabel = "C",
      description = "One liblinear C per category (toxic,hate,insult,threat,obscene,spam) instead of the search over 1, 3, 10 "
          + "on dev: a retrain three times faster, e.g. with the shipped model's chosenC from model.json")
  double[] fixedC;

  @Option(names = "--transformer", paramLabel = "FILE|shipped",
      description = "Accurate stage from a fine-tuned transformer ONNX file (tools/finetune), or 'shipped' for the one in "
          + "Parley's model: stacked with the newly trained fast stage, thresholds re-chosen. Default with --feedback: shipped")
  String transformer;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    if (data == null && !feedback) {
      System.err.println("--data is required (e.g. ../shared/datasets), unless --feedback adapts a trained model");
      return 2;
    }
    if (data == null) return FeedbackTraining.adapt(store, from, out);
    if (!Files.isDirectory(data)) {
      System.err.println("no dataset folder at " + data.toAbsolutePath() + " (expected ../shared/datasets)");
      return 2;
    }
    List<Example> verdicts = List.of();
    if (feedback) {
      try (Database db = store.open()) {
        verdicts = FeedbackTraining.verdicts(db);
      }
      System.err.printf("feedback: %,d labelled verdicts from the database%n", verdicts.size());
    }
    String from = transformer != null ? transformer : feedback && !fastOnly ? "shipped" : null;
    if (from != null) {
      Files.createDirectories(out);
      Path target = out.resolve("transformer.onnx");
      if (from.equals("shipped")) {
        try (var in = parley.classify.Models.class.getResourceAsStream("/parley/model/transformer.onnx")) {
          if (in == null) {
            System.err.println("this build ships no transformer.onnx");
            return 2;
          }
          Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // the span branch reads this network's token vectors: it comes along (parley train chooses its blend again)
        try (var in = parley.classify.Models.class.getResourceAsStream("/parley/model/spans.onnx")) {
          if (in != null) Files.copy(in, out.resolve("spans.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      } else if (!Files.isRegularFile(Path.of(from))) {
        System.err.println("--transformer: no file at " + Path.of(from).toAbsolutePath());
        return 2;
      } else if (!Path.of(from).toAbsolutePath().equals(target.toAbsolutePath())) {
        Files.copy(Path.of(from), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // a span branch was trained on another network's token vectors: the spans fall back to the word table
        Files.deleteIfExists(out.resolve("spans.onnx"));
        Files.deleteIfExists(out.resolve(parley.classify.SpanMix.FILE));
      }
    }
    var options = new ModelTrainer.Options(data, out, seed, bits, research, !fastOnly, !noAugment, sample, cache,
        evaluateOnly, semanticRows, verdicts, fixedC);
    TrainingReport report = new ModelTrainer(options, System.err::println).runAll();
    System.err.println("model written to " + out.toAbsolutePath());
    report.benchmarks("fast").forEach((k, v) -> System.err.printf("fast     %-50s %.4f%n", k, v));
    if (report.hasAccurate()) {
      report.benchmarks("accurate").forEach((k, v) -> System.err.printf("accurate %-50s %.4f%n", k, v));
    }
    return 0;
  }
}
