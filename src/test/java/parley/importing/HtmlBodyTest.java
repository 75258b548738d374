package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.comment.TextInput;

class HtmlBodyTest {
  @Test
  void cleaningMatchesTextInput() {
    for (String s : new String[] {"plain", "tab\tand\nnewline", "bell\u0007", "cr\r\nlf", "e\u0301 decomposed",
        "é composed", "lone \uD800 surrogate", "pair \uD83D\uDE8B ok", "line\u2028sep", "c1\u0085ctl", "東京 مرحبا"}) {
      assertThat(HtmlBody.clean(s)).as(s).isEqualTo(TextInput.clean(s));
    }
  }

  @Test
  void convertsMarkupToMarkdownAndSafeHtml() {
    HtmlBody.Converted c = HtmlBody.fromHtml("<p>a <b>b</b> <i>i</i> <code>x*y</code></p><blockquote><p>q1</p><p>q2</p>"
        + "</blockquote><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><pre>line 1\n  line 2</pre>"
        + "<p><a href=\"javascript:x()\">bad</a> <a href=\"http://ok.example/a b\">ok</a><br>next</p>");
    assertThat(c.markdown()).isEqualTo("""
        a **b** *i* `x*y`

        > q1
        >
        > q2

        - one
        - two

        1. first

        ```
        line 1
          line 2
        ```

        bad [ok](http://ok.example/a%20b)
        next""");
    assertThat(c.html()).doesNotContain("javascript").contains("<strong>b</strong>", "<em>i</em>", "<blockquote>");
  }

  @Test
  void autoParagraphsTurnBlankLinesIntoParagraphs() {
    assertThat(HtmlBody.fromAutoParagraphs("one\ntwo\n\nthree").html()).isEqualTo("<p>one<br />\ntwo</p><p>three</p>");
  }

  @Test
  void imagesBecomeLinksNamedByTheirAltText() {
    HtmlBody.Converted c = HtmlBody.fromHtml("<p><img src=\"https://img.example/cat.png\" alt=\"cat\"/></p>"
        + "<p><img src=\"javascript:alert(1)\" onerror=\"alert(2)\"><img src=\"https://img.example/x.png\"></p>");
    assertThat(c.html()).contains("<a href=\"https://img.example/cat.png\"", ">[image: cat]</a>",
        ">[image]</a>").doesNotContain("<img", "javascript", "onerror");
    assertThat(c.markdown()).contains("[\\[image: cat\\]](https://img.example/cat.png)");
  }
}
