package parley.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.classify.Stage;
import parley.importing.CountingInputStream;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.importing.Progress;
import parley.importing.moderate.BulkModeration;
import parley.importing.moderate.Item;
import parley.importing.moderate.ModerationReport;
import parley.importing.moderate.ModerationSources;
import parley.moderation.Pipeline;
import parley.moderation.Policy;
import parley.moderation.PolicyFile;
import parley.moderation.PolicyStore;
import parley.moderation.phase.Phases;
import parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley moderate --site S [--dry-run]} re-judges a site's comments with the current classifier and the site's
 * stored policy, through the same pipeline as live comments; {@code parley moderate --dry-run FILE --format disqus}
 * does the same for an export before it is imported (with the default policy unless --site or --policy names one).
 */
@Command(name = "moderate", mixinStandardHelpOptions = true,
    description = "Re-score comments with the current classifier and policy and report what would be published, held or rejected.")
public final class ModerateCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--site", description = "Site whose comments to re-score.")
  String site;

  @Option(names = "--dry-run", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
      description = "Only report. With FILE: re-score an export file instead of the database.")
  String dryRun;

  @Option(names = "--format", defaultValue = "disqus", description = "Format of the --dry-run FILE: disqus or wordpress.")
  Imports.Format format;

  @Option(names = "--model", description = "Model directory from `parley train` (default: model.dir, else the shipped model).")
  Path model;

  @Option(names = "--policy", description = "Policy JSON instead of the site's stored one: a site policy as the admin API "
      + "takes it, or thresholds alone, e.g. {\"toxic\": {\"hold\": 0.6, \"reject\": 0.97}}.")
  Path policy;

  @Option(names = "--stage", description = "fast or accurate (default: the model's default stage, the one live comments "
      + "are judged with; the shipped model's is accurate).")
  Stage stage;

  @Override
  public Integer call() throws Exception {
    boolean fromFile = dryRun != null && !dryRun.isEmpty();
    if (!fromFile && site == null) {
      System.err.println("Give --site S (the site's comments) or --dry-run FILE (an export before import).");
      return 2;
    }
    Classifier classifier;
    try {
      // the model the server judges with (model.dir), so that a dry run shows what the site would see
      java.nio.file.Path dir = model != null ? model : store.config().ops().modelDir().orElse(null);
      classifier = dir == null ? Models.loadDefault() : Models.load(dir);
    } catch (java.io.IOException e) {
      System.err.println("No classifier model: " + e.getMessage() + ". Train one with `parley train` and pass --model DIR.");
      return 1;
    }
    // by default the stage live comments get, so that a dry run shows what the site would see
    Stage judgedWith = stage != null ? stage : classifier.defaultStage();
    System.err.println("Scoring with the " + judgedWith.key() + " stage" + (stage != null ? "." : " (the model's default)."));
    long started = System.nanoTime();
    ModerationReport report;
    if (fromFile) {
      Pipeline judge = Phases.forPolicy(policy(null, classifier));
      try (BulkModeration run = new BulkModeration(site == null ? "file" : site, classifier, judgedWith, judge, null);
          CountingInputStream counted = new CountingInputStream(Files.newInputStream(Path.of(dryRun)));
          InputStream in = new BufferedInputStream(counted, 1 << 16)) {
        // the reader runs ahead of the scoring by the chunks in flight: count the bytes behind what is scored
        Progress progress = progress(Files.size(Path.of(dryRun)),
            () -> run.accepted() == 0 ? 0 : (long) ((double) counted.count() * run.scored() / run.accepted()));
        ModerationSources.file(format, PageKey.PATH, in, withProgress(run, progress));
        report = run.finish();
        progress.finish(report.total());
      }
    } else {
      try (Database db = store.open();
          BulkModeration run = new BulkModeration(site, classifier, judgedWith, Phases.forPolicy(policy(db, classifier)),
              dryRun != null ? null : ModerationSources.applyTo(db))) {
        Progress progress = progress(ModerationSources.siteCount(db, site), run::scored);
        ModerationSources.site(db, site, withProgress(run, progress));
        report = run.finish();
        progress.finish(report.total());
      }
    }
    System.out.print(report.render((System.nanoTime() - started) / 1e9));
    System.out.println(dryRun != null ? "Dry run: nothing was changed."
        : "Applied: published and pending comments now follow these verdicts; scores and reasons are stored.");
    return 0;
  }

  // on stderr (stdout is the report): the accurate stage scores a few hundred comments a second, an archive takes minutes
  private static Progress progress(long whole, LongSupplier done) {
    return Progress.to(System.err, Progress.stdoutIsTerminal(), whole, done, "comments");
  }

  private static Consumer<Item> withProgress(BulkModeration run, Progress progress) {
    return item -> {
      run.accept(item);
      progress.update(run.scored());
    };
  }

  // a --policy file wins; else the site's stored policy, as its live comments are judged; else the defaults
  private Policy policy(Database db, Classifier model) throws java.io.IOException {
    Policy defaults = Policy.defaults(model); // the model's own lines (a folder from `parley train`), else the shipped ones
    if (policy != null) return PolicyFile.load(policy, defaults);
    if (site == null) return defaults;
    if (db != null) return new PolicyStore(db, java.time.Clock.systemUTC()).find(site).orElse(defaults);
    try (Database opened = store.open()) {
      return new PolicyStore(opened, java.time.Clock.systemUTC()).find(site).orElse(defaults);
    }
  }
}
