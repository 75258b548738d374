package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blend of the word table and the span branch's marks, on a hand-made table and marks. */
class SpanMixTest {
  private static final SpanLexicon TABLE = new SpanLexicon(Map.of("idiot", 0.9f, "stupid", 0.5f), Map.of(), 0.6, 0.4);
  private static final String TEXT = "the mayor is a stupid idiot and a crook";

  private static float[] marked(String text, String... words) {
    float[] m = new float[text.length()];
    for (String w : words) java.util.Arrays.fill(m, text.indexOf(w), text.indexOf(w) + w.length(), 0.95f);
    return m;
  }

  private static List<String> words(List<int[]> spans) {
    return spans.stream().map(s -> TEXT.substring(s[0], s[1])).toList();
  }

  @Test
  void withoutMarksTheTableDecidesFromItsOwnLines() {
    assertThat(words(TABLE.spans(TEXT))).containsExactly("stupid idiot");
    assertThat(words(TABLE.spans(TEXT, null, new SpanMix(1, 0.5, 0.5)))).containsExactly("stupid idiot");
  }

  @Test
  void theBranchMarksWordsTheTableHasNeverSeen() {
    float[] marks = marked(TEXT, "crook");
    assertThat(words(TABLE.spans(TEXT, marks, new SpanMix(1, 0.5, 0.5)))).containsExactly("crook");
    // half and half: "crook" (0.475) is below the line, "idiot" (0.45 + 0) too; nothing reaches 0.5 but the strongest
    // word is still marked, as raters almost always mark something
    assertThat(words(TABLE.spans(TEXT, marks, new SpanMix(0.5, 0.5, 0.5)))).hasSize(1);
    assertThat(words(TABLE.spans(TEXT, marks, new SpanMix(0.5, 0.4, 0.2)))).containsExactly("stupid idiot", "crook");
  }

  @Test
  void aWordTheBranchDidNotReadKeepsTheTableShare() {
    // the branch read only the end of the comment (a long comment's middle is read by neither window)
    float[] marks = marked(TEXT, "crook");
    java.util.Arrays.fill(marks, 0, TEXT.indexOf(" and "), Float.NaN);
    assertThat(words(TABLE.spans(TEXT, marks, new SpanMix(1, 0.5, 0.5)))).containsExactly("stupid idiot", "crook");
  }

  @Test
  void weightZeroIsTheTableAtTheMixLines() {
    float[] marks = marked(TEXT, "mayor", "crook");
    assertThat(words(TABLE.spans(TEXT, marks, new SpanMix(0, 0.85, 0.85)))).containsExactly("idiot");
  }

  @Test
  void impossibleMixesAreRefused(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> new SpanMix(1.5, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpanMix(0.5, 0.5, 0.6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpanMix(0.5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpanMix.read(new ByteArrayInputStream("{\"weight\": 0.5}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining(SpanMix.FILE);
    SpanMix mix = new SpanMix(0.6, 0.45, 0.3);
    mix.write(dir.resolve(SpanMix.FILE));
    try (var in = Files.newInputStream(dir.resolve(SpanMix.FILE))) {
      assertThat(SpanMix.read(in)).isEqualTo(mix);
    }
  }
}
