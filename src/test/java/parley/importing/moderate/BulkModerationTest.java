package parley.importing.moderate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.importing.Databases;
import parley.importing.Fixtures;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.moderation.Pipeline;
import parley.moderation.Policy;
import parley.moderation.Verdict.Kind;
import parley.moderation.phase.Phases;
import parley.store.Database;
import parley.store.Dialect;

/** Re-moderation with a stand-in classifier (the trained model is not needed to test the plumbing). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkModerationTest {
  /** Spam for "watches", an insult for "regret", German is an unsupported language, the rest is clean. */
  static final Classifier KEYWORDS = text -> {
    Map<Category, Double> s = new EnumMap<>(Category.class);
    for (Category c : Category.values()) s.put(c, 0.01);
    if (text.contains("watches")) s.put(Category.SPAM, 0.99);
    if (text.contains("regret") || text.contains("agree")) s.put(Category.INSULT, 0.7);
    boolean german = text.contains("Grüße");
    return new Classification(s, german ? "de" : "en", !german, List.of(), Stage.FAST);
  };
  static final Pipeline POLICY = Phases.forPolicy(Policy.defaults().withThresholds(thresholds()));

  private static Map<Category, Policy.Threshold> thresholds() {
    Map<Category, Policy.Threshold> t = new java.util.EnumMap<>(Policy.defaults().thresholds());
    t.put(Category.SPAM, new Policy.Threshold(0.5, 0.95));
    t.put(Category.INSULT, new Policy.Threshold(0.6, 0.97));
    return t;
  }

  private final Databases databases = new Databases();

  @AfterAll
  void close() {
    databases.close();
  }

  @Test
  void dryRunOfAFileReportsVerdictsCategoriesExamplesAndThreads() throws Exception {
    ModerationReport report;
    try (BulkModeration run = new BulkModeration("file", KEYWORDS, Stage.FAST, POLICY, null);
        InputStream in = Files.newInputStream(Fixtures.file("disqus-edge-cases.xml"))) {
      ModerationSources.file(Imports.Format.DISQUS, PageKey.PATH, in, run);
      report = run.finish();
    }
    assertThat(report.total()).isEqualTo(9); // 10 posts, one deleted
    // spam without a link holds rather than rejects: the watch advert, the reply that agrees, the German one
    assertThat(report.count(Kind.REJECT)).isEqualTo(0);
    assertThat(report.count(Kind.HOLD)).isEqualTo(3);
    assertThat(report.count(Kind.PUBLISH)).isEqualTo(6);
    assertThat(report.held("score.spam")).isEqualTo(1);
    assertThat(report.held("score.insult")).isEqualTo(1);
    String text = report.render(1.0);
    assertThat(text).contains("reject     ", "Top examples: hold score.spam", "/2019/03/trams  Buy cheap watches",
        "Top examples: hold score.insult", "held because their language is not supported", "/about  ");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void appliedRunStoresScoresAndMovesOnlyLiveComments(Dialect dialect) {
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);
    Imports.xml(db, Imports.Format.DISQUS, site, Fixtures.file("disqus-edge-cases.xml"), PageKey.PATH,
        new Importer.Options(100, 2), Imports.ProgressFactory.NONE);
    ModerationReport report;
    try (BulkModeration run = new BulkModeration(site, KEYWORDS, Stage.FAST, POLICY, ModerationSources.applyTo(db))) {
      ModerationSources.site(db, site, run);
      report = run.finish();
    }
    assertThat(report.total()).isEqualTo(9);
    String source = "disqus:" + site;
    Map<String, Object> agree = Fixtures.comment(db, source, "1003");
    assertThat(agree.get("state")).isEqualTo("pending");
    assertThat((String) agree.get("scores")).contains("\"insult\":0.7");
    assertThat((String) agree.get("moderation")).contains("\"verdict\":\"hold\"", "insult 0.70 ≥ hold 0.60");
    assertThat(Fixtures.comment(db, source, "1007").get("state")).isEqualTo("rejected"); // was rejected: stays
    assertThat(Fixtures.comment(db, source, "1008").get("state")).isEqualTo("deleted"); // not re-scored
    assertThat(Fixtures.comment(db, source, "1001").get("state")).isEqualTo("published");
  }
}
