package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
  private final Featurizer fz = new Featurizer(18);

  private record Hit(int bucket, boolean word, int from, int to) {}

  private List<Hit> hits(String text) {
    List<Hit> out = new ArrayList<>();
    fz.features(TextNormalizer.normalize(text), (b, w, f, t) -> out.add(new Hit(b, w, f, t)));
    return out;
  }

  @Test
  void countsCharAndWordFeatures() {
    // "ab cd" padded to " ab cd " (7 chars): 3..5-grams = 5 + 4 + 3 = 12; words: 2 unigrams + 1 bigram
    long counts = fz.features(TextNormalizer.normalize("ab cd"), (b, w, f, t) -> {});
    assertThat((int) (counts >>> 32)).isEqualTo(12);
    assertThat((int) counts).isEqualTo(3);
    // models trained before char n-grams started at 3 also counted the 6 bigrams
    long older = new Featurizer(18, 2).features(TextNormalizer.normalize("ab cd"), (b, w, f, t) -> {});
    assertThat((int) (older >>> 32)).isEqualTo(18);
  }

  @Test
  void modelFilesKeepTheirShortestCharNgram() throws Exception {
    FastModel trained = new FastModel(10);
    trained.setWeight(7, 2, 0.5f);
    var bytes = new java.io.ByteArrayOutputStream();
    trained.write(bytes);
    FastModel read = FastModel.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    assertThat(read.featurizer().minN()).isEqualTo(Featurizer.MIN_N);
    assertThat(read.weight(7, 2)).isEqualTo(0.5f);

    // a file from before the format recorded it ("PRLF"): char n-grams from 2
    var old = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(old))) {
      out.writeInt(0x50524C46);
      out.writeInt(10);
      out.writeInt(FastModel.CATEGORIES);
      for (int i = 0; i < FastModel.CATEGORIES * 3; i++) out.writeDouble(i == 1 ? 1.0 : 0.0);
      for (int i = 0; i < FastModel.CATEGORIES << 10; i++) out.writeShort(Float.floatToFloat16(0.25f));
    }
    FastModel legacy = FastModel.read(new java.io.ByteArrayInputStream(old.toByteArray()));
    assertThat(legacy.featurizer().minN()).isEqualTo(2);
    assertThat(legacy.weight(1023, 5)).isEqualTo(0.25f);
  }

  @Test
  void wordBucketMatchesTheFeaturizer() {
    Set<Integer> wordBuckets = new HashSet<>();
    hits("jews").stream().filter(Hit::word).forEach(h -> wordBuckets.add(h.bucket()));
    assertThat(wordBuckets).containsExactly(fz.wordBucket("jews"));
    Set<Integer> charBuckets = new HashSet<>();
    hits("jews").stream().filter(h -> !h.word()).forEach(h -> charBuckets.add(h.bucket()));
    Set<Integer> helper = new HashSet<>();
    fz.charGramBuckets(" jews ", fz.minN(), helper::add);
    assertThat(helper).isEqualTo(charBuckets);
  }

  @Test
  void evasionsShareFeaturesWithThePlainWord() {
    Set<Integer> plain = new HashSet<>(), evaded = new HashSet<>();
    hits("kill").forEach(h -> plain.add(h.bucket()));
    hits("K I L L").forEach(h -> evaded.add(h.bucket()));
    assertThat(evaded).isEqualTo(plain);
  }

  @Test
  void offsetsCoverTheText() {
    String text = "you idiot";
    for (Hit h : hits(text)) {
      assertThat(h.from()).isBetween(0, text.length());
      assertThat(h.to()).isBetween(h.from(), text.length());
    }
  }
}
