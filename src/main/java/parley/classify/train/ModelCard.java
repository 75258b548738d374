package parley.classify.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parley.classify.Category;

/**
 * What {@code model-card.md} shows, each figure or table already rendered as Markdown; {@link #render()} fills the
 * template resource {@code model-card.md} beside this class. Null (or empty) values leave their section out.
 */
record ModelCard(String dataDir, long seed, String researchFlag, String licence, int minCharN, int bits, String chosenC,
    String accurateModel, String defaultStage, String trainSeconds, String dataUsed, String qualityBar,
    long maxOrdinaryHeld, long maxOrdinarySpamHeld, String newsOperatingPoint, String spanF1, String stagesCompared,
    List<DatasetTable> perDataset, String calibration, String thresholds, String fairness, String functional,
    String notes) {

  /** The per-dataset table of one stage. */
  record DatasetTable(String stage, String table) {}

  private static final MarkdownTemplate TEMPLATE = MarkdownTemplate.resource("model-card.md");

  String render() {
    return TEMPLATE.render(this);
  }

  /** @param fairness per identity {sentences, held by fast, held by accurate}, or null to leave the section out */
  static ModelCard of(TrainingReport r, Map<String, double[]> fairness) {
    ModelTrainer.Options o = r.options();
    SemanticReport semantic = r.semantic();
    StringBuilder chosenC = new StringBuilder();
    for (Category c : Category.values()) chosenC.append(c.key()).append('=').append(r.chosenC()[c.ordinal()]).append(' ');
    List<DatasetTable> perDataset = new ArrayList<>();
    r.testScores().forEach((stage, scores) -> perDataset.add(new DatasetTable(stage, CardTables.perDataset(r, scores))));
    return new ModelCard(o.dataDir().toString(), o.seed(), o.research() ? " --research" : "",
        o.research() ? "RESEARCH model: includes non-commercial, share-alike and unverified sources; do not ship"
            : "shippable model: licence-clean sources only",
        r.fast().featurizer().minN(), o.bits(), chosenC.toString(),
        semantic == null ? null : semantic.model(),
        semantic == null ? null : semantic.accurateIsDefault() ? "accurate" : "fast",
        String.format(Locale.ROOT, "%.0f", r.trainSeconds()),
        CardTables.dataUsed(r), CardTables.byStage(r, r::benchmarks),
        Math.round(ThresholdCalibration.MAX_ORDINARY_HELD * 100), Math.round(ThresholdCalibration.MAX_ORDINARY_SPAM_HELD * 100),
        CardTables.byStage(r, r::newsOperatingPoint),
        Double.isNaN(r.spanF1()) ? null : String.format(Locale.ROOT, "%.3f", r.spanF1()),
        semantic == null ? null : CardTables.stagesCompared(semantic),
        perDataset, CardTables.calibration(r), CardTables.thresholds(r),
        fairness == null ? null : CardTables.fairness(fairness, semantic != null),
        r.functional().isEmpty() ? null : CardTables.functional(r.functional()),
        r.notes().isEmpty() ? null : String.join("\n", r.notes().stream().map(s -> "- " + s).toList()));
  }
}
