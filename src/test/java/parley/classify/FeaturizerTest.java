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
    // "ab cd" padded to " ab cd " (7 chars): 2..5-grams = 6 + 5 + 4 + 3 = 18; words: 2 unigrams + 1 bigram
    long counts = fz.features(TextNormalizer.normalize("ab cd"), (b, w, f, t) -> {});
    assertThat((int) (counts >>> 32)).isEqualTo(18);
    assertThat((int) counts).isEqualTo(3);
  }

  @Test
  void wordBucketMatchesTheFeaturizer() {
    Set<Integer> wordBuckets = new HashSet<>();
    hits("jews").stream().filter(Hit::word).forEach(h -> wordBuckets.add(h.bucket()));
    assertThat(wordBuckets).containsExactly(fz.wordBucket("jews"));
    Set<Integer> charBuckets = new HashSet<>();
    hits("jews").stream().filter(h -> !h.word()).forEach(h -> charBuckets.add(h.bucket()));
    Set<Integer> helper = new HashSet<>();
    fz.charGramBuckets(" jews ", 2, helper::add);
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
