package parley.classify.train;

import java.util.List;
import java.util.Map;
import parley.classify.Category;

/** Renders a {@link TrainingReport} as {@code model-card.md}. */
final class ModelCardWriter {
  private ModelCardWriter() {}

  static String write(TrainingReport r, Map<String, double[]> fairness) {
    StringBuilder md = new StringBuilder();
    ModelTrainer.Options o = r.options;
    md.append("# Parley moderation model: model card\n\n");
    md.append("Trained by `parley train --data ").append(o.dataDir()).append(" --seed ").append(o.seed())
        .append(o.research() ? " --research" : "").append("` (").append(o.research() ? "RESEARCH model: includes non-commercial, share-alike and unverified sources; do not ship" : "shippable model: licence-clean sources only").append(").\n\n");
    md.append("- Fast stage: NFKC/NFKD folding, case, accents, homoglyphs, leetspeak, letter runs, spaced letters; hashed char " + r.fast.featurizer().minN() + "–5-grams + word 1–2-grams into 2^")
        .append(o.bits()).append(" buckets; each feature scaled by the square root of its naive-Bayes log-count ratio per category (NB-LR, folded back into the weights); one liblinear L2 logistic regression per category (C by dev ROC-AUC: ");
    for (Category c : Category.values()) md.append(c.key()).append('=').append(r.chosenC[c.ordinal()]).append(' ');
    md.append("); Platt scaling on dev.\n");
    md.append("- Per dataset and category, positives are capped at the number of negatives (evenly thinned) for training, calibration and thresholds: davidson2017 is 83 % toxic and otherwise teaches that any tweet-like text is abuse.\n");
    md.append("- After training, the positive weight of bare identity words (\"jews\", \"muslims\", \"gay\", … and their char 3–5-grams) is removed for toxic, hate and insult (`IdentityNeutralizer`); context n-grams keep theirs.\n");
    if (r.semantic != null) {
      md.append("- Accurate stage: ").append(r.semantic.model()).append("; stacked with the fast stage by a per-category logistic regression on dev.\n");
      md.append("- Default stage: **").append(r.semantic.accurateIsDefault() ? "accurate" : "fast").append("**.\n");
    }
    md.append(String.format("- Training time: %.0f s (fast stage) on this machine.%n%n", r.trainSeconds));

    md.append("## Data used\n\n| dataset | licence use | train rows used | dev | test | train positives / annotated |\n|---|---|---|---|---|---|\n");
    r.all.forEach((name, ex) -> {
      boolean used = r.sources.contains(name);
      long tr = used ? ex.stream().filter(e -> e.split() == Split.TRAIN && !e.labels().isEmpty()).count() : 0;
      StringBuilder pos = new StringBuilder();
      for (Category c : Category.values()) {
        long a = ex.stream().filter(e -> e.split() == Split.TRAIN && e.has(c)).count();
        if (a == 0) continue;
        long p = ex.stream().filter(e -> e.split() == Split.TRAIN && e.has(c) && e.label(c) == 1).count();
        pos.append(c.key()).append(' ').append(p).append('/').append(a).append(' ');
      }
      String use = name.equals(Corpus.AUGMENT) ? "Parley's own (hand-written)" : Corpus.SHIPPABLE.contains(name) ? "shippable" : "research/eval only";
      md.append("| ").append(name).append(" | ").append(use).append(used ? "" : " — not trained on").append(" | ").append(tr)
          .append(" | ").append(r.devBy.get(name).size()).append(" | ").append(r.testBy.get(name).size()).append(" | ").append(pos).append("|\n");
    });

    md.append("\n## Quality bar (test splits)\n\n| measure |");
    var stages = r.testScores().keySet();
    for (String s : stages) md.append(' ').append(s).append(" |");
    md.append("\n|---|").append("---|".repeat(stages.size())).append('\n');
    Map<String, Double> first = r.benchmarks("fast");
    for (String k : first.keySet()) {
      md.append("| ").append(k).append(" |");
      for (String s : stages) md.append(' ').append(TrainingReport.f(r.benchmarks(s).getOrDefault(k, Double.NaN))).append(" |");
      md.append('\n');
    }
    md.append("\nF1 thresholds for the quality-bar rows are chosen on each dataset's own dev split, then applied to its test split.\n");

    md.append("\n## News-site operating point (default thresholds)\n\nHold lines are raised until at most ")
        .append(Math.round(ThresholdCalibration.MAX_ORDINARY_HELD * 100)).append(" % of ordinary news comments in dev (rated not toxic: civil_comments_ccc) are held, at most ")
        .append(Math.round(ThresholdCalibration.MAX_ORDINARY_SPAM_HELD * 100)).append(" % for spam; each raise goes to the line that frees the most ordinary comments per toxic")
        .append(" or hateful news comment it lets through. A spam score rejects only with a link in the comment; without one it holds.\n\n| measure |");
    for (String s : stages) md.append(' ').append(s).append(" |");
    md.append("\n|---|").append("---|".repeat(stages.size())).append('\n');
    for (String k : r.newsOperatingPoint("fast").keySet()) {
      md.append("| ").append(k).append(" |");
      for (String s : stages) md.append(' ').append(TrainingReport.f(r.newsOperatingPoint(s).getOrDefault(k, Double.NaN))).append(" |");
      md.append('\n');
    }
    if (!Double.isNaN(r.spanF1)) {
      md.append(String.format(java.util.Locale.ROOT, "%nToxic spans, toxic_spans dev, mean character F1 (SemEval-2021 task 5 measure; bar 0.65): **%.3f** "
          + "(`spans.tsv`: the words raters mark, learnt from its train split; the toxic category's spans use them where a comment has any).%n", r.spanF1));
    }

    if (r.semantic != null) {
      md.append("\n## Stages compared on dev (pooled dev of the training sources, ROC-AUC)\n\n| category | fast | model alone | combined (5-fold CV on dev) | combined − fast |\n|---|---|---|---|---|\n");
      r.semantic.devAuc().forEach((c, v) -> md.append("| ").append(c.key()).append(" | ").append(TrainingReport.f(v[0])).append(" | ")
          .append(TrainingReport.f(v[1])).append(" | ").append(TrainingReport.f(v[2])).append(" | ").append(TrainingReport.f(v[2] - v[0])).append(" |\n"));
    }

    for (var stage : r.testScores().entrySet()) {
      md.append("\n## Per dataset and category, test split — ").append(stage.getKey()).append(" stage\n\n");
      md.append("| dataset | category | n | positives | ROC-AUC | PR-AUC | F1 @ hold | macro-F1 @ hold | ECE |\n|---|---|---|---|---|---|---|---|---|\n");
      double[] hold = new double[Category.values().length];
      for (Category c : Category.values()) hold[c.ordinal()] = r.thresholds[c.ordinal()][0];
      for (Evaluation.Row row : Evaluation.table(r.testBy, stage.getValue(), hold)) {
        var l = Evaluation.labeled(r.testBy.get(row.dataset()), stage.getValue().get(row.dataset()), row.category());
        if (l.y().length == 0) continue;
        md.append("| ").append(row.dataset()).append(r.sources.contains(row.dataset()) ? "" : " (not trained on)").append(" | ")
            .append(row.category().key()).append(" | ").append(row.n()).append(" | ").append(row.positives()).append(" | ")
            .append(TrainingReport.f(row.rocAuc())).append(" | ").append(TrainingReport.f(row.prAuc())).append(" | ")
            .append(TrainingReport.f(row.f1())).append(" | ").append(TrainingReport.f(Metrics.macroF1(l.s(), l.y(), hold[row.category().ordinal()])))
            .append(" | ").append(TrainingReport.f(row.ece())).append(" |\n");
      }
    }

    md.append("\n## Calibration (expected calibration error, 10 bins, pooled test splits of the training sources)\n\n| category |");
    for (String s : stages) md.append(' ').append(s).append(" |");
    md.append("\n|---|").append("---|".repeat(stages.size())).append('\n');
    for (Category c : Category.values()) {
      md.append("| ").append(c.key()).append(" |");
      for (var stage : r.testScores().entrySet()) {
        java.util.List<Double> ps = new java.util.ArrayList<>();
        java.util.List<Integer> ys = new java.util.ArrayList<>();
        for (String name : r.sources) {
          if (stage.getValue().get(name) == null) continue;
          var l = Evaluation.labeled(r.testBy.get(name), stage.getValue().get(name), c);
          for (int i = 0; i < l.y().length; i++) {
            ps.add(l.s()[i]);
            ys.add(l.y()[i]);
          }
        }
        md.append(' ').append(TrainingReport.f(Metrics.ece(ps.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToInt(Integer::intValue).toArray()))).append(" |");
      }
      md.append('\n');
    }

    md.append("\n## Default thresholds (from calibrated dev scores, for a news site where 10 % of comments are toxic, 5 % insulting or obscene, 3 % hateful or spam, 1 % threatening)\n\n| category | hold | reject |\n|---|---|---|\n");
    for (Category c : Category.values()) {
      md.append("| ").append(c.key()).append(" | ").append(TrainingReport.f(r.thresholds[c.ordinal()][0])).append(" | ")
          .append(TrainingReport.f(r.thresholds[c.ordinal()][1])).append(" |\n");
    }

    if (fairness != null) {
      md.append("\n## Fairness: false-hold rate on identity mentions and counter-speech\n\n");
      md.append("Sentences from `parley.classify.train.FairnessSet` (neutral/positive identity mentions; counter-speech quoting slurs). None should be held.\n\n| identity | sentences | held (fast) | held (accurate) |\n|---|---|---|---|\n");
      double n = 0, hf = 0, ha = 0;
      for (var e : fairness.entrySet()) {
        double[] v = e.getValue();
        n += v[0];
        hf += v[1];
        ha += v[2];
        md.append("| ").append(e.getKey()).append(" | ").append((int) v[0]).append(" | ").append(TrainingReport.f(v[1] / v[0]))
            .append(" | ").append(r.semantic == null ? "–" : TrainingReport.f(v[2] / v[0])).append(" |\n");
      }
      md.append("| **all** | ").append((int) n).append(" | ").append(TrainingReport.f(hf / n)).append(" | ")
          .append(r.semantic == null ? "–" : TrainingReport.f(ha / n)).append(" |\n");
    }
    if (!r.functional.isEmpty()) {
      md.append("\n## Functional checks (`functional-checks.tsv`, hand-written, never trained on)\n\n");
      md.append("Share of sentences handled as a newsroom would want (held or published) at the default thresholds.\n\n");
      md.append("| functionality | checks |");
      r.functional.keySet().forEach(stage -> md.append(' ').append(stage).append(" |"));
      md.append("\n|---|---|").append("---|".repeat(r.functional.size())).append('\n');
      Map<String, int[]> firstStage = r.functional.values().iterator().next();
      int total = 0;
      for (String fn : firstStage.keySet()) {
        md.append("| ").append(fn).append(" | ").append(firstStage.get(fn)[0]).append(" |");
        total += firstStage.get(fn)[0];
        for (Map<String, int[]> byFn : r.functional.values()) md.append(' ').append(TrainingReport.f((double) byFn.get(fn)[1] / byFn.get(fn)[0])).append(" |");
        md.append('\n');
      }
      md.append("| **all** | ").append(total).append(" |");
      for (Map<String, int[]> byFn : r.functional.values()) {
        md.append(' ').append(TrainingReport.f(byFn.values().stream().mapToInt(v -> v[1]).sum() / (double) total)).append(" |");
      }
      md.append('\n');
    }
    if (!r.notes.isEmpty()) {
      md.append("\n## Speed and size\n\n");
      for (String s : r.notes) md.append("- ").append(s).append('\n');
    }
    md.append("\n## Known limits\n\n");
    md.append("- English only; other languages are reported (`languageSupported: false`) and held by the default policy.\n");
    md.append("- Threat and insult have few training positives (see Data used); short explicit threats come mostly from Parley's hand-written augmentation set (`data-augment/generate.py`).\n");
    md.append("- Calibration is fitted on pooled dev data, which is far richer in abuse than a typical news thread; probabilities on real traffic run high for borderline text.\n");
    return md.toString();
  }

  static List<String> unused() {
    return List.of();
  }
}
