package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private static void answered(Classification c) {
    assertThat(c.scores()).hasSize(Category.values().length);
    c.scores().values().forEach(v -> assertThat(v).isBetween(0.0, 1.0));
  }

  @Test
  void emptyAndNull() {
    answered(TestModels.shipped().classify(""));
    answered(TestModels.shipped().classify(null, Stage.FAST));
    assertThat(TestModels.shipped().classify("   ").languageSupported()).isTrue();
  }

  @Test
  void oneMegabyte() {
    String big = "this is a perfectly normal sentence about the weather. ".repeat(20_000);
    long t0 = System.nanoTime();
    Classification c = TestModels.shipped().classify(big, Stage.FAST);
    answered(c);
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
  }

  @Test
  void invalidUtf8AndLoneSurrogates() {
    byte[] bad = {(byte) 0xC3, (byte) 0x28, 'h', 'i', (byte) 0xFF, (byte) 0xFE, ' ', 'y', 'o', 'u'};
    answered(TestModels.shipped().classify(new String(bad, StandardCharsets.UTF_8)));
    answered(TestModels.shipped().classify("broken \uD800 surrogate \uDC00 here"));
  }

  @Test
  void emojiOnlyIsNotUnsupportedLanguage() {
    Classification c = TestModels.shipped().classify("😂😂👍🔥");
    answered(c);
    assertThat(c.languageSupported()).isTrue();
    assertThat(c.language()).isEqualTo("und");
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void otherScriptsAreReportedNotScoredClean(Stage stage) {
    for (String text : new String[] {"Это очень плохая статья, автор ничего не понимает.", "这篇文章写得很好，谢谢作者。",
        "هذا المقال سيئ جدا ولا أتفق معه", "Dieser Artikel ist wirklich sehr schlecht geschrieben und falsch."}) {
      Classification c = TestModels.shipped().classify(text, stage);
      answered(c);
      assertThat(c.languageSupported()).as(text).isFalse();
      assertThat(c.language()).isNotIn("en", "und");
    }
  }

  @Test
  void shortEnglishIsSupported() {
    for (String t : new String[] {"lol", "ok thanks", "you idiot", "nuke em", "kill them all"}) {
      assertThat(TestModels.shipped().classify(t).languageSupported()).as(t).isTrue();
    }
  }
}
