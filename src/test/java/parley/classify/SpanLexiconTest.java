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
  void unseenFormsTakeTheirPrefixAndNeighboursJoinFromALowerShare() {
    SpanLexicon l = SpanLexicon.fit(ROWS, 0.5, 0.1);
    String text = "such idiotic nonsense";
    assertThat(l.spans(text)).extracting(s -> text.substring(s[0], s[1])).containsExactly("idiotic");
    SpanLexicon pigs = SpanLexicon.fit(List.of(marked("what a disgusting pig", "disgusting pig"),
        marked("pig farmers are angry", "angry"), marked("the pig roast was a disgusting idea", "disgusting"),
        marked("a pig is an animal, you moron", "moron"), marked("moron", "moron")), 0.5, 0.1);
    assertThat(pigs.share("pig")).isBetween(0.1f, 0.5f); // marked once in four: alone too weak, beside a marked word enough
    String insult = "a disgusting pig";
    assertThat(pigs.spans(insult)).extracting(s -> insult.substring(s[0], s[1])).containsExactly("disgusting pig");
    String both = "pig farmers, you moron";
    assertThat(pigs.spans(both)).extracting(s -> both.substring(s[0], s[1])).containsExactly("moron");
    String pair = "you idiot, you liar";
    assertThat(l.spans(pair)).extracting(s -> pair.substring(s[0], s[1])).containsExactly("idiot", "liar");
    String joined = "stupid idiot";
    assertThat(l.spans(joined)).extracting(s -> joined.substring(s[0], s[1])).containsExactly("stupid idiot");
  }

  @Test
  void aToxicCommentWithNoWordAboveTheThresholdStillGetsItsStrongestWord() {
    SpanLexicon strict = SpanLexicon.fit(ROWS, 0.9);
    String text = "the mayor is a liar";
    assertThat(strict.spans(text)).extracting(s -> text.substring(s[0], s[1])).containsExactly("liar");
    assertThat(strict.spans("the mayor spoke")).isEmpty();
  }

  @Test
  void characterF1AsInSemEval2021() {
    assertThat(SpanLexicon.f1(List.of(), List.of())).isEqualTo(1.0);
    assertThat(SpanLexicon.f1(List.of(new int[] {0, 4}), List.of())).isEqualTo(0.0);
    assertThat(SpanLexicon.f1(List.of(new int[] {0, 4}), List.of(new int[] {2, 6}))).isCloseTo(0.5, within(1e-9));
    SpanLexicon l = SpanLexicon.fit(ROWS, 0.5);
    // "a stupid liar": both words are marked and joined, "stupid liar" (11 characters) against the raters' "liar" (4)
    double stupidLiar = 2 * (4 / 11.0) / (1 + 4 / 11.0);
    assertThat(l.meanF1(List.of(marked("you idiot", "idiot"), marked("a stupid liar", "liar"))))
        .isCloseTo((1 + stupidLiar) / 2, within(1e-9));
  }

  @Test
  void writesAndReadsTheSameTable() throws Exception {
    SpanLexicon l = SpanLexicon.fit(ROWS, 0.4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    l.write(out);
    SpanLexicon back = SpanLexicon.read(new ByteArrayInputStream(out.toByteArray()));
    String text = "what a stupid liar";
    assertThat(back.spans(text)).extracting(s -> text.substring(s[0], s[1])).containsExactly("stupid liar");
    assertThat(back.share("idiot")).isEqualTo(l.share("idiot"), within(0.001f));
  }
}
