package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raters' toxic-word table: learnt from marked spans, found again through evasions, measured as SemEval does. */
class SpanLexiconTest {
  private static SpanLexicon.Marked marked(String text, String... words) {
    List<int[]> spans = new java.util.ArrayList<>();
    for (String w : words) {
      int i = text.indexOf(w);
      spans.add(new int[] {i, i + w.length()});
    }
    return new SpanLexicon.Marked(text, spans);
  }

  private static final List<SpanLexicon.Marked> ROWS = List.of(
      marked("The mayor is an idiot and a liar", "idiot", "liar"),
      marked("What an idiot, honestly", "idiot"),
      marked("Only a liar would say the mayor is right", "liar"),
      marked("This idiot of a mayor again", "idiot"),
      marked("Stupid article, stupid paper", "Stupid", "stupid"),
      marked("the paper is a liar", "liar"));

  @Test
  void marksTheWordsRatersMarkedAndNotTheTopicWords() {
    SpanLexicon l = SpanLexicon.fit(ROWS, 0.5);
    String text = "The mayor is a total idiot";
    assertThat(l.spans(text)).extracting(s -> text.substring(s[0], s[1])).containsExactly("idiot");
    String evaded = "what an 1d1ot";
    assertThat(l.spans(evaded)).extracting(s -> evaded.substring(s[0], s[1])).containsExactly("1d1ot");
    assertThat(l.spans("The mayor spoke at the paper")).isEmpty();
  }

  @Test
  void characterF1AsInSemEval2021() {
    assertThat(SpanLexicon.f1(List.of(), List.of())).isEqualTo(1.0);
    assertThat(SpanLexicon.f1(List.of(new int[] {0, 4}), List.of())).isEqualTo(0.0);
    assertThat(SpanLexicon.f1(List.of(new int[] {0, 4}), List.of(new int[] {2, 6}))).isCloseTo(0.5, within(1e-9));
    SpanLexicon l = SpanLexicon.fit(ROWS, 0.5);
    assertThat(l.meanF1(List.of(marked("you idiot", "idiot"), marked("a stupid liar", "liar")))).isCloseTo(0.786, within(0.01));
  }

  @Test
  void writesAndReadsTheSameTable() throws Exception {
    SpanLexicon l = SpanLexicon.fit(ROWS, 0.4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    l.write(out);
    SpanLexicon back = SpanLexicon.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.spans("what a stupid liar")).hasSize(2);
    assertThat(back.share("idiot")).isEqualTo(l.share("idiot"), within(0.001f));
  }
}
