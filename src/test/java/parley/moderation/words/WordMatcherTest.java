package parley.moderation.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WordMatcherTest {
  private final WordMatcher list = new WordMatcher(List.of("nuke", "retard", "cunt", "ass", "cialis", "go die"));

  @ParameterizedTest
  @ValueSource(strings = {
      "nuke", "NUKE them", "n u k e", "n.u.k.e", "n-u-k-e the town", "nüke", "ñuke",
      "r3tard", "R3T4RD", "re+ard", "retaaaard", "ret@rd!", "nu\u200Bke", "nukе" /* Cyrillic е */,
      "you a$$", "a s s", "c*nt", "just go   die", "Go, die.", "youretard", "Nukethemall!", "#nukethecity",
      "you reatrd", "what a retrd"})
  void evasionsAreCaught(String text) {
    assertThat(list.find(text)).as(text).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Scunthorpe United won", "a specialist said so", "classic assessment of the bass", "the nuclear option",
      "retardant foam", "as I said", "pass the salt", "Dickens and Sussex", "go dig",
      "passion", "I'd like a nu kettle", "my classmates and the therapist", "Kassandra Sassoon, Massachusetts",
      "Penistone", "embarrassingly", "a glassblower's workshop"})
  void innocentWordsAreNotFlagged(String text) {
    assertThat(list.find(text)).as(text).isEmpty();
  }

  @Test
  void matchPointsAtTheOriginalCharacters() {
    String text = "Well, n u k e it all";
    WordMatcher.Match m = list.find(text).getFirst();
    assertThat(m.term()).isEqualTo("nuke");
    assertThat(m.found()).isEqualTo("n u k e");
    assertThat(text.substring(m.start(), m.end())).isEqualTo("n u k e");
  }

  @Test
  void aWordInsideWordsRunTogetherPointsAtItsOwnCharacters() {
    String text = "Honestly, youretard.";
    WordMatcher.Match m = list.find(text).getFirst();
    assertThat(m.term()).isEqualTo("retard");
    assertThat(text.substring(m.start(), m.end())).isEqualTo("retard");
  }

  @Test
  void aMisspeltWordPointsAtItsOwnCharacters() {
    String text = "Oh look, another reatrd column.";
    WordMatcher.Match m = list.find(text).getFirst();
    assertThat(m.term()).isEqualTo("retard");
    assertThat(text.substring(m.start(), m.end())).isEqualTo("reatrd");
  }

  @Test
  void stretchedLettersMatchButShorterWordsDoNot() {
    assertThat(WordMatcher.sameWord("fuuuuck", "fuck")).isTrue();
    assertThat(WordMatcher.sameWord("assss", "ass")).isTrue();
    assertThat(WordMatcher.sameWord("as", "ass")).isFalse();
  }
}
