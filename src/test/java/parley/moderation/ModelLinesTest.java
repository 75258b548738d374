package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.CalibratedLine;
import parley.classify.Category;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.kit.Json;
import parley.testing.CliRun;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;

/**
 * A model folder from {@code parley train} carries the hold lines its own training chose ({@code thresholds.json}); a
 * site without a policy of its own, {@code parley classify --model} and {@code parley moderate --model} judge by those,
 * not by the shipped model's lines, which were chosen for other scores.
 */
class ModelLinesTest {
  @TempDir Path dir;

  @Test
  void aLoadedModelFolderCarriesItsOwnLines() throws Exception {
    Path model = shippedFastStageWith("{\"toxic\": {\"hold\": 0.02, \"reject\": 0.97}}");
    Classifier c = Models.load(model);
    assertThat(c.calibratedLines()).containsExactly(Map.entry(Category.TOXIC, new CalibratedLine(0.02, 0.97)));
    Policy p = Policy.defaults(c);
    assertThat(p.thresholds().get(Category.TOXIC)).isEqualTo(new Policy.Threshold(0.02, 0.97));
    // a category the folder leaves out keeps the shipped line
    assertThat(p.thresholds().get(Category.SPAM)).isEqualTo(Policy.defaults().thresholds().get(Category.SPAM));
    assertThat(Policy.defaults(Classifier.OFF)).isEqualTo(Policy.defaults());
  }

  @Test
  void aBrokenLineIsRefusedWhenTheModelLoads() throws Exception {
    Path model = shippedFastStageWith("{\"toxic\": {\"hold\": 7}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Models.load(model))
        .hasMessageContaining("thresholds.json").hasMessageContaining("toxic");
  }

  @Test
  void classifyAndModerateJudgeByTheFoldersLines() throws Exception {
    String ordinary = "Thanks for the article, the photos of the old harbour are lovely.";
    Path strict = shippedFastStageWith("{\"toxic\": {\"hold\": 0.0001, \"reject\": 0.9999}}");
    Path stdin = Files.writeString(dir.resolve("in.txt"), ordinary + "\n");

    CliRun shipped = CliRun.withStdin(stdin, "classify", "--json", "--stage", "fast");
    CliRun folder = CliRun.withStdin(stdin, "classify", "--json", "--stage", "fast", "--model", strict.toString());
    assertThat(shipped.code()).as(shipped.stderr()).isZero();
    assertThat(folder.code()).as(folder.stderr()).isZero();
    assertThat(Json.MAPPER.readTree(shipped.stdout()).path("decision").asText()).isEqualTo("publish");
    JsonNode judged = Json.MAPPER.readTree(folder.stdout());
    assertThat(judged.path("decision").asText()).isEqualTo("hold");
    assertThat(judged.path("reasons").toString()).contains("toxic", "hold 0.00");

    // a policy file that names only spam keeps the folder's toxic line
    Path spamOnly = Files.writeString(dir.resolve("policy.json"), "{\"spam\": {\"hold\": 0.99, \"reject\": 1}}");
    CliRun withPolicy = CliRun.withStdin(stdin, "classify", "--json", "--stage", "fast", "--model", strict.toString(),
        "--site-policy", spamOnly.toString());
    assertThat(Json.MAPPER.readTree(withPolicy.stdout()).path("decision").asText()).as(withPolicy.stderr()).isEqualTo("hold");

    Path export = Files.writeString(dir.resolve("export.xml"), """
        <?xml version="1.0" encoding="utf-8"?>
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
          <thread dsq:id="1"><link>https://news.example.org/a/</link><title>A</title>
            <createdAt>2026-12-01T09:00:00Z</createdAt></thread>
          <post dsq:id="100"><message><![CDATA[<p>%s</p>]]></message><createdAt>2026-12-01T10:00:00Z</createdAt>
            <author><name>Reader</name></author><thread dsq:id="1" /></post>
        </disqus>
        """.formatted(ordinary));
    CliRun dryRun = CliRun.of("moderate", "--dry-run", export.toString(), "--stage", "fast", "--model", strict.toString());
    assertThat(dryRun.code()).as(dryRun.stderr()).isZero();
    assertThat(dryRun.stdout()).containsPattern("(?m)^\\s+hold\\s+1\\b");
  }

  /** A server without a stored policy for the site judges by the model's lines; a stored policy still wins. */
  @Test
  void aSiteWithoutItsOwnPolicyIsJudgedByTheModelsLines() throws Exception {
    Classifier lenientOnInsults = new KeywordClassifier() {
      @Override
      public Map<Category, CalibratedLine> calibratedLines() {
        return Map.of(Category.INSULT, new CalibratedLine(0.9, 0.99)); // the keyword scores 0.85: under it
      }
    };
    try (ModerationServer server = ModerationServer.start(c -> c, lenientOnInsults)) {
      var posted = server.comment(As.reader("r1"), "lines", "what an idiot take on the budget");
      assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("published");

      server.app().moderation().updatePolicy(ModerationServer.SITE, Policy.defaults()); // the shipped lines: 0.85 holds
      var again = server.comment(As.reader("r2"), "lines", "another idiot take on the budget");
      assertThat(again.json().path("comment").path("state").asText()).isEqualTo("pending");
    }
  }

  /** The shipped fast stage (no transformer: quick to load) in a folder of its own, with the given thresholds.json. */
  private Path shippedFastStageWith(String thresholds) throws Exception {
    Path model = Files.createDirectories(dir.resolve("model-" + System.nanoTime()));
    for (String name : List.of("model.json", "fast.bin.gz", "spans.tsv")) {
      try (InputStream in = Models.class.getResourceAsStream("/parley/model/" + name)) {
        Files.copy(in, model.resolve(name));
      }
    }
    Files.writeString(model.resolve("thresholds.json"), thresholds);
    return model;
  }
}
