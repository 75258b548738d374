package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Words spelled out letter by letter are joined where they make a known word; offsets map back to the text. */
class SpacedLettersTest {
  private static final SpacedLetters SPACED = SpacedLetters.shipped();

  private static String join(String text) {
    return SPACED.join(text).text();
  }

  @Test
  void joinsWordsSpelledOutWithOneSeparator() {
    assertThat(join("I hate m u s l i m s, all of them")).isEqualTo("I hate muslims, all of them");
    assertThat(join("what a f.u.c.k.i.n.g joke")).isEqualTo("what a fucking joke");
    assertThat(join("the author is an i-d-i-o-t.")).isEqualTo("the author is an idiot.");
    assertThat(join("B L A C K people are S U B H U M A N")).isEqualTo("BLACK people are SUBHUMAN");
    assertThat(join("m u 5 l 1 m s out")).isEqualTo("mu5l1ms out"); // LeetWords takes it from there
  }

  @Test
  void leavesOtherSingleLettersAlone() {
    for (String text : new String[] {"Plan B is a mess", "grades A and B", "x y z q w", "m u s l i m s s s s",
        "a.b-c d", "1 3 5 7", "I a m", "ab c d e", "a  b  c"}) {
      assertThat(SPACED.join(text).changed()).as(text).isFalse();
      assertThat(join(text)).as(text).isSameAs(text);
    }
  }

  @Test
  void offsetsInTheJoinedTextMapBackToTheTextAsWritten() {
    String text = "🙄 You are an i d i o t, friend";
    SpacedLetters.Joined joined = SPACED.join(text);
    assertThat(joined.text()).isEqualTo("🙄 You are an idiot, friend");
    int start = joined.text().codePointCount(0, joined.text().indexOf("idiot"));
    int written = text.codePointCount(0, text.indexOf("i d i o t"));
    assertThat(joined.original(start)).isEqualTo(written);
    assertThat(joined.original(start + 5)).isEqualTo(written + 9); // the end of the word: after its last letter
    assertThat(joined.original(start + 7)).isEqualTo(written + 11); // "friend" moved by the four spaces taken out
    assertThat(joined.original(0)).isZero();
  }

  @Test
  void aHostileCommentIsReadInOnePass() {
    String text = "a b ".repeat(25_000) + "k i l l";
    assertThat(join(text)).endsWith("kill").hasSize(text.length() - 3);
  }
}
