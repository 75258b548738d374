package parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import parley.analysis.FeedbackExport;
import parley.classify.Adaptation;
import parley.classify.Models;
import parley.classify.train.Example;
import parley.classify.train.FeedbackAdapter;
import parley.classify.train.Split;
import parley.moderation.queue.ModeratorVerdicts;
import parley.store.Database;

/**
 * {@code parley train --feedback}: the newsroom's verdicts as training examples, and without {@code --data} the
 * adaptation of a trained model to them ({@link FeedbackAdapter}), written as a complete model folder.
 */
final class FeedbackTraining {
  /** What a model folder holds; an adapted copy takes them all and adds {@link Adaptation#FILE}. */
  private static final List<String> MODEL_FILES = List.of("model.json", "fast.bin.gz", "spans.tsv", "thresholds.json",
      "transformer.json", "transformer.onnx", "spans.onnx", "spans.json", "model-card.md");
  static final String DASHBOARD = "parley_moderation";

  private FeedbackTraining() {}

  /** Verdicts sent to comments:suggestscore, then approvals and rejections in the dashboard. */
  static List<Example> verdicts(Database db) {
    List<Example> out = new ArrayList<>(FeedbackExport.trainingExamples(db));
    for (ModeratorVerdicts.Verdict v : ModeratorVerdicts.read(db)) {
      String id = v.siteId() + ":" + v.commentId();
      // the datasets' split rule: a full retrain (--data) keeps some verdicts for dev and test; an adaptation uses all
      out.add(new Example(DASHBOARD, id, v.text(), Split.fromKey(FeedbackExport.split(id)), v.labels(), Map.of()));
    }
    return out;
  }

  static int adapt(StoreOptions store, Path from, Path out) throws IOException {
    if (out == null) {
      System.err.println("--out is required: the folder to write the adapted model into");
      return 2;
    }
    List<Example> verdicts;
    try (Database db = store.open()) {
      verdicts = verdicts(db);
    }
    long dashboard = verdicts.stream().filter(e -> e.dataset().equals(DASHBOARD)).count();
    System.err.printf("feedback: %,d verdicts (%,d from the dashboard, %,d sent to comments:suggestscore)%n",
        verdicts.size(), dashboard, verdicts.size() - dashboard);
    if (verdicts.isEmpty()) {
      System.err.println("no verdicts to learn from: approve or reject comments in the dashboard first");
      return 2;
    }
    if (from != null && !Files.isRegularFile(from.resolve("fast.bin.gz"))) {
      System.err.println("--from: no model in " + from.toAbsolutePath() + " (fast.bin.gz missing)");
      return 2;
    }
    copyModel(from, out);
    FeedbackAdapter.Result result = FeedbackAdapter.adapt(out, verdicts, System.err::println);
    appendToCard(out.resolve("model-card.md"), result);
    Models.load(out).close(); // the folder loads as a model, or this fails here rather than at serve time
    System.err.printf("adapted model written to %s in %.0f s (%s); serve it with: ./parley serve --model %s%n",
        out.toAbsolutePath(), result.seconds(), result.adaptation().isEmpty() ? "no category adapted: it scores as the "
            + "model it was copied from" : Adaptation.FILE, out);
    return 0;
  }

  private static void copyModel(Path from, Path out) throws IOException {
    Files.createDirectories(out);
    for (String name : MODEL_FILES) {
      Path target = out.resolve(name);
      if (from != null) {
        Path source = from.resolve(name);
        if (Files.isRegularFile(source) && !source.toAbsolutePath().equals(target.toAbsolutePath())) {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        continue;
      }
      try (InputStream in = Models.class.getResourceAsStream("/parley/model/" + name)) {
        if (in != null) Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void appendToCard(Path card, FeedbackAdapter.Result result) throws IOException {
    StringBuilder s = new StringBuilder("\n## Adapted to this newsroom's verdicts\n\n");
    s.append(String.format("`parley train --feedback`: %,d verdicts; per category, a correction of the accurate stage "
        + "fitted on the verdicts that label it (`%s`). Held-out figures: 5-fold cross-validation over the verdicts; "
        + "agreement is the share of verdicts on the moderators' side of the category's hold line. Reference comments: "
        + "Parley's hand-written set (threats, insults, hate, spam and look-alikes) that the fit holds to their old "
        + "scores; the share whose hold decision changed anyway.%n%n",
        result.verdicts(), Adaptation.FILE));
    s.append("| category | verdicts | positive | adapted | held-out log-loss before → after | agreement before → after "
        + "| reference comments decided otherwise |\n");
    s.append("|---|---|---|---|---|---|---|\n");
    for (FeedbackAdapter.CategoryFit f : result.categories()) {
      s.append(String.format("| %s | %,d | %,d | %s | %s | %s | %s |%n", f.category().key(), f.verdicts(), f.positives(),
          f.adapted() ? "yes (penalty " + f.penalty() + ")" : "no: " + f.note(),
          f.verdicts() == 0 || f.logLossBefore() == 0 ? "—" : String.format("%.3f → %.3f", f.logLossBefore(), f.logLossAfter()),
          f.verdicts() == 0 || f.logLossBefore() == 0 ? "—"
              : String.format("%.1f %% → %.1f %%", 100 * f.agreementBefore(), 100 * f.agreementAfter()),
          f.adapted() ? String.format("%.1f %%", 100 * f.referenceChanged()) : "—"));
    }
    if (!Files.isRegularFile(card)) Files.writeString(card, "# Parley moderation model: model card\n");
    Files.writeString(card, s.toString(), java.nio.file.StandardOpenOption.APPEND);
  }
}
