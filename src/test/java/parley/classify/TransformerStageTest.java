package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped fine-tuned transformer as the product runs it, against what tools/finetune trained and exported:
 * the same word pieces (tokenizer, cut to 64) and the same probabilities (fixture written by tools/finetune/parity.py).
 */
class TransformerStageTest {
  private static TransformerStage stage;

  @BeforeAll
  static void load() throws Exception {
    stage = new TransformerStage(() -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE),
        TransformerStage.readStack(null));
  }

  @AfterAll
  static void close() {
    stage.close();
  }

  private static List<JsonNode> parity() throws Exception {
    return TestModels.jsonLines("/parley/classify/transformer-parity.jsonl");
  }

  @Test
  void shippedNetworkNotesItsSecondThreatHead() {
    // written by tools/finetune/category_head.py attach; the model card's accurate-stage line repeats it
    assertThat(stage.note()).contains("second threat head").contains("min(0.995, head)");
  }

  @Test
  void closingWhileScoresRunWaitsForThemAndRefusesLaterOnes() throws Exception {
    // a warm-up or an abandoned score still in ONNX Runtime when the app closes: freeing the session under it crashed
    // the JVM (SIGSEGV in libonnxruntime), so close waits for the runs in flight
    TransformerStage own = new TransformerStage(() -> Models.class.getResourceAsStream(Models.RESOURCE_DIR
        + TransformerStage.FILE), TransformerStage.readStack(null));
    own.warmUp();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      String text = "A long reader comment about the council budget. ".repeat(20);
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          int done = 0;
          try {
            for (int i = 0; i < 200; i++, done++) own.transformerProbabilities(text);
          } catch (IllegalStateException closed) {
            assertThat(closed).hasMessageContaining("closed");
          }
          return done;
        }));
      }
      Thread.sleep(150);
      own.close();
      int total = 0;
      for (Future<Integer> f : runs) total += f.get();
      assertThat(total).as("runs before the close").isPositive().isLessThan(800);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> own.transformerProbabilities("after"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void wordPiecesAreTheOnesTheModelWasTrainedOn() throws Exception {
    for (JsonNode row : parity()) {
      long[] expected = new long[row.get("ids").size()];
      for (int i = 0; i < expected.length; i++) expected[i] = row.get("ids").get(i).asLong();
      assertThat(stage.ids(row.get("text").asText())).as(row.get("text").asText()).containsExactly(expected);
    }
  }

  @Test
  void probabilitiesMatchTheExportedModel() throws Exception {
    for (JsonNode row : parity()) {
      double[] p = stage.transformerProbabilities(row.get("text").asText());
      for (Category c : Category.values()) {
        assertThat(p[c.ordinal()]).as(c + " of " + row.get("text").asText()).isCloseTo(row.get("probs").get(c.ordinal()).asDouble(), within(1e-4));
      }
    }
  }

  @Test
  void longCommentsAreCutToTheirHeadAndEndWithSep() {
    long[] ids = stage.ids("word ".repeat(5000) + "idiot");
    assertThat(ids).hasSize(TransformerStage.MAX_PIECES);
    assertThat(ids[0]).isEqualTo(101);
    assertThat(ids[ids.length - 1]).isEqualTo(102);
  }

  @Test
  void scoresDoNotDependOnConcurrentCalls() throws Exception {
    String text = "You are a pathetic liar and a coward.";
    double[] alone = stage.transformerProbabilities(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> all = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String t = i % 2 == 0 ? text : "Thanks for covering the council meeting, very useful " + i;
        all.add(pool.submit(() -> stage.transformerProbabilities(t)));
      }
      for (int i = 0; i < all.size(); i += 2) assertThat(all.get(i).get()).containsExactly(alone);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theShippedClassifierUsesTheTransformerInTheAccurateStage() {
    Classifier shipped = TestModels.shipped();
    Classification accurate = shipped.classify("You are a disgusting idiot and everyone here knows it.", Stage.ACCURATE);
    Classification civil = shipped.classify("Thanks for the thoughtful article, I learned a lot.", Stage.ACCURATE);
    assertThat(accurate.stage()).isEqualTo(Stage.ACCURATE);
    assertThat(accurate.score(Category.INSULT)).isGreaterThan(civil.score(Category.INSULT) + 0.3);
    assertThat(((ParleyClassifier) shipped).defaultStage()).isEqualTo(Stage.ACCURATE);
  }

  @Test
  void aLongCommentIsReadInWindowsAndItsStrongestWindowCounts() throws Exception {
    String civil = "The council published its budget on Tuesday and the library hours stay the same this year. ";
    String text = civil.repeat(12) + "Whoever wrote this is a pathetic, disgusting idiot.";
    try (TransformerStage windowed = new TransformerStage(
        () -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE), TransformerStage.readStack(null), 4)) {
      List<long[]> windows = windowed.windowIds(text);
      assertThat(windows).hasSize(4).allSatisfy(w -> {
        assertThat(w).hasSize(TransformerStage.MAX_PIECES);
        assertThat(w[0]).isEqualTo(101);
        assertThat(w[w.length - 1]).isEqualTo(102);
      });
      assertThat(windows.get(0)).containsExactly(stage.ids(text)); // the head: what a one-window stage reads
      long[] last = windows.get(3); // the last window ends where the comment ends
      assertThat(last[last.length - 2]).isEqualTo(stage.ids(".")[1]);

      int insult = Category.INSULT.ordinal();
      assertThat(windowed.transformerProbabilities(text)[insult])
          .isGreaterThan(stage.transformerProbabilities(text)[insult] + 0.3);
      String shortText = "You are a pathetic liar and a coward.";
      assertThat(windowed.transformerProbabilities(shortText)).containsExactly(stage.transformerProbabilities(shortText));
    }
  }

  @Test
  void aCommentJustLongerThanOneWindowIsReadWholeUpToItsLimitAndInWindowsPastIt() throws Exception {
    String civil = "The council published its budget on Tuesday and the library hours stay the same this year. ";
    String insult = " Whoever wrote this is a pathetic, disgusting idiot.";
    try (TransformerStage whole = new TransformerStage(
        () -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE), TransformerStage.readStack(null), 2, 96);
        TransformerStage counter = new TransformerStage(
        () -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE), TransformerStage.readStack(null), 2, 512)) {
      java.util.function.ToIntFunction<String> pieces = t -> counter.windowIds(t).get(0).length;
      String middling = civil.repeat(4) + insult; // between one window and the limit
      int n = pieces.applyAsInt(middling);
      assertThat(n).isBetween(TransformerStage.MAX_PIECES + 1, 96);
      List<long[]> read = whole.windowIds(middling);
      assertThat(read).hasSize(1);
      assertThat(read.get(0)).hasSize(n);
      assertThat(read.get(0)[n - 1]).isEqualTo(102);
      assertThat(whole.transformerProbabilities(middling)[Category.INSULT.ordinal()]).isGreaterThan(0.5);

      String longer = civil.repeat(6) + insult;
      assertThat(pieces.applyAsInt(longer)).isGreaterThan(96);
      assertThat(whole.windowIds(longer)).hasSize(2).allSatisfy(w -> assertThat(w).hasSize(TransformerStage.MAX_PIECES));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TransformerStage(() -> null, TransformerStage.readStack(null), 2, 600))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wholeUpTo");
    var file = new java.io.ByteArrayInputStream("{\"windows\":2,\"wholeUpTo\":96}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(file).wholeUpTo()).isEqualTo(96);
    var old = new java.io.ByteArrayInputStream("{\"windows\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(old).wholeUpTo()).isEqualTo(TransformerStage.MAX_PIECES);
  }

  @Test
  void aStackFileWithoutWindowsReadsTheHeadOnly() throws Exception {
    var old = new java.io.ByteArrayInputStream("{\"model\":\"transformer.onnx\",\"maxPieces\":64}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(old).windows()).isEqualTo(1);
    var four = new java.io.ByteArrayInputStream("{\"windows\":4}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(four).windows()).isEqualTo(4);
    var bad = new java.io.ByteArrayInputStream("{\"windows\":0}".getBytes(StandardCharsets.UTF_8));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TransformerStage.readSettings(bad))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("windows");
  }

  @Test
  void aStackFileKeepsTheEncoderItWasFineTunedFromAndOneWithoutNamesTheFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var old = new java.io.ByteArrayInputStream("{\"windows\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(old).encoder()).isEqualTo("all-MiniLM-L6-v2");
    var file = dir.resolve(TransformerStage.STACK_FILE);
    try (var stage = new TransformerStage(() -> getClass().getResourceAsStream("/parley/model/" + TransformerStage.FILE),
        TransformerStage.readStack(null), 2)) {
      stage.writeStack(file, "bge-small-en-v1.5");
    }
    try (var in = java.nio.file.Files.newInputStream(file)) {
      var read = TransformerStage.readSettings(in);
      assertThat(read.encoder()).isEqualTo("bge-small-en-v1.5");
      assertThat(read.windows()).isEqualTo(2);
    }
  }

  @Test
  void wordsRunTogetherAreAlsoReadSplitWithOffsetsIntoTheTextAsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    try (var split = new TransformerStage(() -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE),
        TransformerStage.readStack(null), 2, 96, Adaptation.NONE, null, null, new Readings(false, true))) {
      String joined = "Honestly, youareapatheticlittleworm and everyone here knows it.";
      List<TransformerStage.Pieces> read = split.windowPieces(joined);
      assertThat(read).hasSize(2); // as written, then split
      assertThat(read.get(0).ids()).isEqualTo(stage.windowPieces(joined).get(0).ids());
      TransformerStage.Pieces second = read.get(1);
      StringBuilder words = new StringBuilder();
      for (int i = 0; i < second.ids().length; i++) {
        if (second.from()[i] < 0) continue;
        assertThat(second.to()[i]).isGreaterThan(second.from()[i]).isLessThanOrEqualTo(joined.length());
        words.append(joined, second.from()[i], second.to()[i]).append('|');
      }
      assertThat(words.toString()).contains("|you|are|a|pathetic|little|worm|");
      int toxic = Category.TOXIC.ordinal();
      assertThat(split.transformerProbabilities(joined)[toxic])
          .isGreaterThan(stage.transformerProbabilities(joined)[toxic] + 0.2);

      String ordinary = "The new tram line opens on Saturday, a year late and over budget.";
      assertThat(split.windowPieces(ordinary)).hasSize(1);
      assertThat(split.transformerProbabilities(ordinary)).isEqualTo(stage.transformerProbabilities(ordinary));

      var file = dir.resolve(TransformerStage.STACK_FILE);
      split.writeStack(file, "bge-small-en-v1.5");
      try (var in = java.nio.file.Files.newInputStream(file)) {
        assertThat(TransformerStage.readSettings(in).readings().splitJoined()).isTrue();
      }
    }
    var old = new java.io.ByteArrayInputStream("{\"windows\":2}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(old).readings().splitJoined()).isFalse();
  }

  @Test
  void leetspeakIsReadAsTheWordsItSpellsWhereTheModelSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    try (var leet = new TransformerStage(() -> Models.class.getResourceAsStream(Models.RESOURCE_DIR + TransformerStage.FILE),
        TransformerStage.readStack(null), 2, 96, Adaptation.NONE, null, null, new Readings(true, false))) {
      String written = "Mu5l1ms are v3rm1n and should be thr0wn out of this country.";
      String plain = "Muslims are vermin and should be thrown out of this country.";
      List<TransformerStage.Pieces> read = leet.windowPieces(written);
      assertThat(read).hasSize(1);
      assertThat(read.get(0).ids()).isEqualTo(stage.windowPieces(plain).get(0).ids()); // offsets: the same length
      assertThat(read.get(0).to()).isEqualTo(stage.windowPieces(plain).get(0).to());
      assertThat(leet.transformerProbabilities(written)).isEqualTo(stage.transformerProbabilities(plain))
          .isNotEqualTo(stage.transformerProbabilities(written));

      String spelled = "M u s l i m s are v3rm1n and should be thr0wn out of this country.";
      TransformerStage.Pieces joined = leet.windowPieces(spelled).get(0);
      assertThat(joined.ids()).isEqualTo(read.get(0).ids());
      int word = 1; // [CLS], then the pieces of "Muslims", which cover the letters as written
      StringBuilder covered = new StringBuilder();
      for (; joined.from()[word] < spelled.indexOf(" are"); word++) covered.append(spelled, joined.from()[word], joined.to()[word]);
      assertThat(covered.toString().replace(" ", "")).isEqualTo("Muslims");
      assertThat(spelled.substring(joined.from()[word], joined.to()[word])).isEqualTo("are");

      var file = dir.resolve(TransformerStage.STACK_FILE);
      leet.writeStack(file, "bge-small-en-v1.5");
      try (var in = java.nio.file.Files.newInputStream(file)) {
        assertThat(TransformerStage.readSettings(in).readings()).isEqualTo(new Readings(true, false));
      }
    }
    var old = new java.io.ByteArrayInputStream("{\"windows\":2,\"splitJoined\":true}".getBytes(StandardCharsets.UTF_8));
    assertThat(TransformerStage.readSettings(old).readings()).isEqualTo(new Readings(false, true));
  }
}
