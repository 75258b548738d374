package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models' learned values go in through a builder or a constructor and never change after: the trainers build
 * models from values. The files they write keep their format.
 */
class LearnedValuesTest {
  @TempDir Path dir;

  @Test
  void aBuiltFastModelIsWhatTheBuilderHeldAndTheBuilderIsSpent() throws Exception {
    FastModel.Builder b = new FastModel.Builder(10).weight(7, 2, 0.3f).bias(2, -1.5).platt(2, 2, 0.5);
    assertThat(b.weight(7, 2)).isEqualTo(Float.float16ToFloat(Float.floatToFloat16(0.3f)));
    FastModel m = b.build();
    assertThat(m.calibrate(2, 1)).isEqualTo(FastModel.sigmoid(2 * 1 + 0.5));
    assertThat(m.calibrate(0, 1)).isEqualTo(FastModel.sigmoid(1)); // untouched: the identity's slope, no offset
    assertThat(m.margins(TextNormalizer.normalize("anything"))[2]).isLessThan(0);
    assertThatThrownBy(() -> b.weight(7, 2, 1f)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theShippedFastModelWritesBackTheSameBytes() throws Exception {
    byte[] shipped;
    try (InputStream in = Models.class.getResourceAsStream(Models.RESOURCE_DIR + "fast.bin.gz")) {
      shipped = in.readAllBytes();
    }
    var again = new ByteArrayOutputStream();
    FastModel.read(new ByteArrayInputStream(shipped)).write(again);
    assertThat(gunzip(again.toByteArray())).isEqualTo(gunzip(shipped));
  }

  @Test
  void aSemanticStageKeepsCopiesOfItsValuesAndRoundTrips() throws Exception {
    double[][] headW = new double[FastModel.CATEGORIES][SentenceEncoder.DIM];
    double[] headB = new double[FastModel.CATEGORIES];
    double[][] stack = new double[FastModel.CATEGORIES][];
    for (int c = 0; c < FastModel.CATEGORIES; c++) {
      for (int k = 0; k < SentenceEncoder.DIM; k++) headW[c][k] = (c + 1) * 0.001 * (k % 7 - 3);
      headB[c] = c * 0.25 - 0.5;
      stack[c] = new double[] {1, 0.5 + c, -2};
    }
    SemanticStage stage = new SemanticStage(headW, headB, stack);
    float[] emb = new float[SentenceEncoder.DIM];
    java.util.Arrays.fill(emb, 0.5f);
    double[] before = stage.semanticMargins(emb);
    headW[1][0] = 99;
    headB[1] = 99;
    stack[1][0] = 99;
    assertThat(stage.semanticMargins(emb)).containsExactly(before);
    assertThat(stage.stacked(new double[FastModel.CATEGORIES], before)[1]).isEqualTo(FastModel.sigmoid(1.5 * before[1] - 2));

    Path file = dir.resolve("semantic.json"), again = dir.resolve("again.json");
    stage.write(file);
    try (InputStream in = Files.newInputStream(file)) {
      SemanticStage.read(in).write(again);
    }
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));

    SemanticStage restacked = stage.withStack(new double[FastModel.CATEGORIES][3]);
    assertThat(restacked.semanticMargins(emb)).containsExactly(before);
    assertThat(restacked.stacked(before, before)[0]).isEqualTo(0.5);
    assertThatThrownBy(() -> new SemanticStage(headW, new double[2], stack)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] gunzip(byte[] gz) throws Exception {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
