package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  private static String norm(String s) {
    return TextNormalizer.normalize(s).text();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "KILL them | kill them",
      "k i l l them | kill them",
      "I will k i l l! | i will kill!",
      "f.u.c.k off | fuck off",
      "you are an 1d10t | you are an idiot",
      "b1tch | bitch",
      "$hit | shit",
      "a$$hole | asshole",
      "stuuuuupid | stuupid",
      "ＩＤＩＯＴ | idiot",
      "ídíót | idiot",
      "kil\u200Bl | kill",
      "id\u00ADiot | idiot",
      "іdіot | idiot",
      "sh!t happens | shit happens",
  })
  void defeatsEvasions(String in, String out) {
    assertThat(norm(in)).isEqualTo(out);
  }

  @Test
  void collapsesWhitespace() {
    assertThat(norm("  lots   of\tspace\n")).isEqualTo("lots of space");
  }

  @Test
  void leavesOrdinaryNumbersAndMentionsAlone() {
    assertThat(norm("@user 100% on 2nd May")).isEqualTo("@user 100% on 2nd may");
    assertThat(norm("I am a fan")).isEqualTo("i am a fan");
  }

  @Test
  void offsetsPointIntoTheOriginal() {
    String original = "You are a  ｋ i l l e r!";
    TextNormalizer.Normalized n = TextNormalizer.normalize(original);
    String text = n.text();
    assertThat(text).isEqualTo("you are a killer!");
    int at = text.indexOf("killer");
    assertThat(at).isPositive();
    int start = n.start()[at], end = n.end()[at + "killer".length() - 1];
    assertThat(original.substring(start, end)).isEqualTo("ｋ i l l e r");
  }

  @Test
  void emptyAndEmojiOnly() {
    assertThat(norm("")).isEmpty();
    assertThat(norm("\u200B\u200B")).isEmpty();
    assertThat(norm("😀🔥")).isEqualTo("😀🔥");
  }
}
