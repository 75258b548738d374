package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML to the text the classifier reads, and offsets back into the HTML as sent. */
class PlainTextTest {
  @Test
  void tagsGoEntitiesDecodeBlocksSeparateWords() {
    assertThat(PlainText.fromHtml("<p>Hello&nbsp;<b>world</b> &amp; &#233;&#x1F600;</p><p>again</p>").text())
        .isEqualTo("Hello world & é\uD83D\uDE00 again");
    assertThat(PlainText.fromHtml("one<br>two<br/>three").text()).isEqualTo("one two three");
  }

  @Test
  void scriptsStylesCommentsAndQuotedBracketsAreNotText() {
    assertThat(PlainText.fromHtml("<style>p{}</style><!-- hidden -->a<script>if (a > b) x()</script>b").text())
        .isEqualTo("ab");
    assertThat(PlainText.fromHtml("<a title=\"x > y\" href='/kill'>link</a>").text()).isEqualTo("link");
  }

  @Test
  void strayMarkupCharactersStay() {
    assertThat(PlainText.fromHtml("1 < 2 & 3 > 2, &bogus; & co").text()).isEqualTo("1 < 2 & 3 > 2, &bogus; & co");
    assertThat(PlainText.fromHtml("unterminated <b").text()).isEqualTo("unterminated ");
  }

  @Test
  void offsetsMapBackToTheSource() {
    String html = "<p>you <b>idiot</b> &amp; fool</p>";
    PlainText t = PlainText.fromHtml(html);
    int begin = t.text().indexOf("idiot");
    int[] source = t.toSource(begin, begin + 5);
    assertThat(html.substring(source[0], source[1])).isEqualTo("idiot");
    int amp = t.text().indexOf('&');
    int[] entity = t.toSource(amp, amp + 1);
    assertThat(html.substring(entity[0], entity[1])).isEqualTo("&amp;");
  }

  @Test
  void plainTextIsItsOwnSource() {
    PlainText t = PlainText.of("<b>kept</b>");
    assertThat(t.text()).isEqualTo("<b>kept</b>");
    assertThat(t.toSource(3, 7)).containsExactly(3, 7);
  }
}
