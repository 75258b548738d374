package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped word list and the splitting rules: what readers run together comes apart, the rest stays as written. */
class JoinedWordsTest {
  private static final JoinedWords WORDS = JoinedWords.shipped();

  private static String split(String text) {
    return WORDS.split(text).text();
  }

  @Test
  void splitsWordsRunTogetherInLowerCaseCamelCaseAndHashtags() {
    assertThat(split("youareacompleteidiot")).isEqualTo("you are a complete idiot");
    assertThat(split("The councillor is a TotalDisgrace.")).isEqualTo("The councillor is a Total Disgrace.");
    assertThat(split("#sendthemhome now")).isEqualTo("#send them home now");
    assertThat(split("you'reanidiot")).isEqualTo("you're an idiot");
    assertThat(split("Thanksforthereport, very helpful")).isEqualTo("Thanks for the report, very helpful");
  }

  @Test
  void leavesKnownWordsShortRunsAndEmphasisAlone() {
    for (String text : new String[] {"The therapist understood the newspaper's reasoning.", "gohome", "yaaaaaas queen",
        "Jordana and Marianne", "I was just thinkin about it", "Ça reste incompréhensible"}) {
      assertThat(WORDS.split(text).changed()).as(text).isFalse();
      assertThat(split(text)).isSameAs(text);
    }
  }

  @Test
  void leavesLinksAddressesMentionsAndDomainsAlone() {
    for (String text : new String[] {"see https://www.thelocalnewspaper.example/whatishappeninghere",
        "@thebestreporterever said so", "write to editorinchief@citypaper.example", "read it on bestnewsinthecity.com",
        "www.greatlocalbakery.co.uk"}) {
      assertThat(split(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void offsetsInTheSplitTextLeadBackToTheTextAsWritten() {
    String text = "😀 Well, youareanidiot!";
    JoinedWords.Split s = WORDS.split(text);
    assertThat(s.text()).isEqualTo("😀 Well, you are an idiot!");
    // offsets count code points, as the tokenizer's do: the emoji is one
    int idiotInSplit = s.text().codePointCount(0, s.text().indexOf("idiot"));
    int idiotAsWritten = text.codePointCount(0, text.indexOf("idiot"));
    assertThat(s.original(idiotInSplit)).isEqualTo(idiotAsWritten);
    assertThat(s.original(idiotInSplit + 5)).isEqualTo(idiotAsWritten + 5);
    assertThat(s.original(s.text().codePointCount(0, s.text().indexOf("are")))).isEqualTo(text.codePointCount(0, text.indexOf("areanidiot")));
    assertThat(s.original(0)).isZero();
    assertThat(s.spaces()).hasSize(3);
  }

  @Test
  void aHostileCommentGetsOnlyItsFirstThousandLettersOfUnknownRunsLookedInto() {
    String text = "youareanidiot ".repeat(300).strip();
    JoinedWords.Split s = WORDS.split(text);
    assertThat(s.text()).startsWith("you are an idiot you are an idiot").endsWith(" youareanidiot youareanidiot");
    assertThat(s.spaces()).hasSize(3 * (1000 / 13 + 1)); // 77 runs of 13 letters fit the 1,000, the 78th starts in it
    assertThat(s.original(s.text().length())).isEqualTo(text.length());
  }

  @Test
  void theListMustBeSorted() {
    byte[] unsorted = "idiot\t10\nare\t40\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JoinedWords.read(new ByteArrayInputStream(unsorted)))
        .isInstanceOf(IOException.class).hasMessageContaining("not sorted at are");
  }

  @Test
  void aSmallListSplitsOnlyIntoItsOwnWords() throws IOException {
    byte[] list = "a\t500\nare\t400\nfool\t50\ngreat\t60\nyou\t900\n".getBytes(StandardCharsets.UTF_8);
    JoinedWords own = JoinedWords.read(new ByteArrayInputStream(list));
    assertThat(own.split("youareagreatfool").text()).isEqualTo("you are a great fool");
    assertThat(own.split("youareagreatclown").changed()).isFalse(); // "clown" is not in this list
  }
}
