package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One typo per unknown word mended where that gives a common word; names, handles and known words stay. */
class TyposTest {
  private static final Typos TYPOS = Typos.shipped();

  private static String mend(String text) {
    return TYPOS.mend(text).text();
  }

  @Test
  void mendsTwoLettersSwappedAndOneLetterLeftOut() {
    assertThat(mend("Mulsims are vermin")).isEqualTo("Muslims are vermin");
    assertThat(mend("what an idoit")).isEqualTo("what an idiot");
    assertThat(mend("SUCH AN IDOIT")).isEqualTo("SUCH AN IDIOT");
    assertThat(mend("the reporter is stupd, and so is the goverment")).isEqualTo("the reporter is stupid, and so is the government");
    assertThat(mend("Wmen should not vote")).isEqualTo("Women should not vote");
  }

  @Test
  void leavesKnownWordsNamesHandlesAndShortWordsAlone() {
    for (String text : new String[] {"The therapist read the newspaper.", "SoCal and the iPhone", "thanks @idoit",
        "#Mulsims trending", "see https://example.com/Mulsims", "don't, can't, won't", "idoit2020", "the gov and the lib",
        "Zxqvw Plkjh", "Ça reste incompréhensible"}) {
      assertThat(TYPOS.mend(text).changed()).as(text).isFalse();
      assertThat(mend(text)).as(text).isSameAs(text);
    }
  }

  @Test
  void aLetterPutInMapsBackToTheTextAsWritten() {
    String text = "🙄 The Mslims again";
    JoinedWords.Split mended = TYPOS.mend(text);
    assertThat(mended.text()).isEqualTo("🙄 The Muslims again");
    int start = mended.text().codePointCount(0, mended.text().indexOf("Muslims"));
    int written = text.codePointCount(0, text.indexOf("Mslims"));
    assertThat(mended.original(start)).isEqualTo(written);
    assertThat(mended.original(start + 7)).isEqualTo(written + 6); // the end of the word
    assertThat(mended.original(start + 8)).isEqualTo(written + 7); // "again"
  }

  @Test
  void aHostileCommentLooksIntoAFewWordsOnly() {
    String text = "Zxqvwpl ".repeat(10_000) + "idoit";
    assertThat(mend(text)).isSameAs(text); // the budget is spent before the last word
    assertThat(mend("idoit " + "Zxqvwpl ".repeat(10_000))).startsWith("idiot ");
  }

  @Test
  void aRareWordOnlyReadersWroteIsATypoAWordOfTheEnglishListsIsNot() throws java.io.IOException {
    byte[] list = "hoes\t900\t0\nhose\t5\t1\nidiot\t1014\t1\nidoit\t3\t0\nsate\t0\t1\nstate\t1222\t1\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Typos own = new Typos(JoinedWords.read(new java.io.ByteArrayInputStream(list)));
    assertThat(own.mend("idoit, sate and hose").text()).isEqualTo("idiot, sate and hose");
  }

  @Test
  void anUnknownWordOneMendFromOnlyARareEnglishWordIsThatWordWhereNoCommonOneIs() throws java.io.IOException {
    // "inspiration" was seen 16 times in comments: too rare to be a mend of its own, but read as its pieces
    // ("inspira ##ton") the typo scored as an insult after "what an"
    assertThat(mend("Happy 100th birthday to Mrs Okonkwo, what an inspiraton.")).contains("what an inspiration.")
        .contains("Okonkwo");
    byte[] list = "inspiration\t16\t1\ninspirations\t0\t1\nkelp\t3\t0\nstat\t2\t1\nstate\t1222\t1\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Typos own = new Typos(JoinedWords.read(new java.io.ByteArrayInputStream(list)));
    assertThat(own.mend("inspiraton").text()).isEqualTo("inspiration");
    assertThat(own.mend("stae").text()).as("a common mend first").isEqualTo("state");
    assertThat(own.mend("inspiratinos").text()).as("a word of the lists never seen in comments: no mend")
        .isEqualTo("inspiratinos");
    assertThat(own.mend("stta").text()).as("one seen under ten times: no mend").isEqualTo("stta");
    assertThat(own.mend("klep").text()).as("a comment-only word: no mend").isEqualTo("klep");
  }
}
