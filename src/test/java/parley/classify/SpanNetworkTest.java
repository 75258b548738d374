package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped span branch as the product runs it (int8, on the token vectors of the int8 network's scoring call)
 * against what tools/finetune/spans.py trained (fixture: its fp32 branch's mark per word piece), and the toxic spans
 * the accurate stage then shows.
 */
class SpanNetworkTest {
  private static TransformerStage stage;

  @BeforeAll
  static void load() throws Exception {
    SpanMix mix;
    try (var in = Models.class.getResourceAsStream(Models.RESOURCE_DIR + SpanMix.FILE)) {
      mix = SpanMix.read(in);
    }
    stage = new TransformerStage(() -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE),
        TransformerStage.readStack(null), 2, 96, Adaptation.NONE,
        () -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + SpanNetwork.FILE), mix);
  }

  @AfterAll
  static void close() {
    stage.close();
  }

  private static List<JsonNode> parity() throws Exception {
    return TestModels.jsonLines("/parley/classify/span-parity.jsonl");
  }

  @Test
  void marksEachPieceAsTheTrainedBranchDoes() throws Exception {
    List<JsonNode> rows = parity();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
    double worst = 0;
    for (JsonNode row : rows) {
      String text = row.get("text").asText();
      float[] marks = stage.marks(text);
      assertThat(marks).as(text).hasSize(text.length());
      int strongestThere = -1, strongestHere = -1;
      double there = -1, here = -1;
      for (int i = 0; i < row.get("pieces").size(); i++) {
        int from = row.get("pieces").get(i).get(0).asInt(), to = row.get("pieces").get(i).get(1).asInt();
        if (from < 0) continue;
        // the fixture counts code points (as the tokenizer does); Java strings count UTF-16 units
        int a = text.offsetByCodePoints(0, from), b = text.offsetByCodePoints(0, to);
        float mine = 0;
        for (int c = a; c < b; c++) mine = Math.max(mine, marks[c]);
        double theirs = row.get("marks").get(i).asDouble();
        worst = Math.max(worst, Math.abs(mine - theirs));
        if (theirs > there) { there = theirs; strongestThere = i; }
        if (mine > here) { here = mine; strongestHere = i; }
      }
      assertThat(strongestHere).as("the strongest piece of: " + text).isEqualTo(strongestThere);
    }
    assertThat(worst).as("largest difference from the trained branch (int8 weights against fp32)").isLessThan(0.08);
  }

  @Test
  void theAccurateStageShowsTheInsultsAsToxicSpans() {
    String text = "These clowns in parliament are pathetic parasites who should be ashamed of themselves.";
    Classification c = TestModels.shipped().classify(text, Stage.ACCURATE);
    List<String> toxic = c.spans().stream().filter(s -> s.category() == Category.TOXIC)
        .map(s -> text.substring(s.start(), s.end())).toList();
    assertThat(toxic).as("toxic spans").isNotEmpty().anySatisfy(s -> assertThat(s).contains("parasites"))
        .noneSatisfy(s -> assertThat(s).contains("parliament"));
  }

  @Test
  void aBranchThatDoesNotLoadLeavesTheWordTableToExplain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    for (String f : List.of("model.json", "fast.bin.gz", "spans.tsv", "thresholds.json", "transformer.json",
        "transformer.onnx", "spans.json")) {
      try (var in = Models.class.getResourceAsStream(Models.RESOURCE_DIR + f)) {
        java.nio.file.Files.copy(in, dir.resolve(f));
      }
    }
    java.nio.file.Files.writeString(dir.resolve(SpanNetwork.FILE), "not an ONNX file");
    String text = "You are a pathetic idiot and a liar.";
    try (Classifier broken = Models.load(dir)) {
      for (int i = 0; i < 2; i++) { // the second time without trying to load it again
        Classification c = broken.classify(text, Stage.ACCURATE);
        assertThat(c.score(Category.TOXIC)).isGreaterThan(0.5);
        assertThat(c.spans()).anySatisfy(s -> assertThat(text.substring(s.start(), s.end())).contains("idiot"));
      }
    }
  }

  @Test
  void aCommentWithoutTheBranchStillGetsTheWordTable() throws Exception {
    // the transformer alone (no span branch): the toxic spans come from spans.tsv, as before the branch existed
    try (TransformerStage plain = new TransformerStage(
        () -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE), TransformerStage.readStack(null))) {
      assertThat(plain.marks("You are an idiot.")).isNull();
      assertThat(plain.scored("You are an idiot.", new double[Category.values().length]).marks()).isNull();
    }
    assertThat(stage.scored("You are an idiot.", new double[Category.values().length]).marks()).isNotNull();
  }
}
