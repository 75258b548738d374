package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static List<String> spanTexts(String text, Category c) {
    Classification r = TestModels.shipped().classify(text, Stage.FAST);
    return r.spans().stream().filter(s -> s.category() == c).map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void insultSpanPointsAtTheInsult() {
    String text = "Thanks for the article, but you are a complete idiot";
    assertThat(spanTexts(text, Category.INSULT)).contains("idiot");
  }

  @Test
  void spacedOutWordComesBackAsOneSpanOverTheOriginal() {
    String text = "i will k i l l you";
    List<String> spans = spanTexts(text, Category.THREAT);
    assertThat(spans).anyMatch(s -> s.contains("k i l l"));
  }

  @Test
  void spansAreWithinTheTextAndOrdered() {
    String text = "shut up you stupid b1tch, nobody cares";
    Classification r = TestModels.shipped().classify(text, Stage.FAST);
    assertThat(r.spans()).isNotEmpty();
    double prev = Double.MAX_VALUE;
    for (Span s : r.spans()) {
      assertThat(s.start()).isGreaterThanOrEqualTo(0);
      assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
      assertThat(s.weight()).isPositive().isLessThanOrEqualTo(prev);
      prev = s.weight();
    }
    assertThat(r.spans()).anyMatch(s -> text.substring(s.start(), s.end()).equals("b1tch"));
  }

  @Test
  void cleanCommentHasNoSpans() {
    assertThat(TestModels.shipped().classify("Great reporting, thank you.", Stage.FAST).spans()).isEmpty();
  }
}
