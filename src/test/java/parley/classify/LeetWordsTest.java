package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Leetspeak undone where it gives a known word; numbers, names, handles and links stay as written. */
class LeetWordsTest {
  private static final LeetWords LEET = LeetWords.shipped();

  @Test
  void undoesLeetspeakInsideWordsKeepingTheLettersAsWritten() {
    assertThat(LEET.respell("Mu5l1ms are v3rm1n.")).isEqualTo("Muslims are vermin.");
    assertThat(LEET.respell("1mmigr4nts should be thr0wn out")).isEqualTo("immigrants should be thrown out");
    assertThat(LEET.respell("what a load of $hit, you sh!t")).isEqualTo("what a load of shit, you shit");
    assertThat(LEET.respell("GO HOME F@GGOT!!")).isEqualTo("GO HOME FAGGOT!!");
    assertThat(LEET.respell("shut up 1oser")).isEqualTo("shut up loser"); // "1" is "l" where "i" makes no word
    assertThat(LEET.respell("Tr4ns people")).isEqualTo("Trans people");
    assertThat(LEET.respell("I hat3 them, jus7 go")).isEqualTo("I hate them, just go"); // words readers write often
  }

  @Test
  void keepsTheLengthSoThatOffsetsPointIntoTheTextAsWritten() {
    String text = "The c0lumn1st is a c0mplete 1d10t, “really”, 🙄 and a m0r0n";
    String respelled = LEET.respell(text);
    assertThat(respelled).isEqualTo("The columnist is a complete idiot, “really”, 🙄 and a moron");
    assertThat(respelled).hasSameSizeAs(text);
  }

  @Test
  void leavesNumbersNamesHandlesLinksAndAddressesAlone() {
    for (String text : new String[] {"The meeting is at 10am, not 3pm.", "up at 5am or 1am, the 5th or 3rd", "I sold my PS4 and an old 4x4.",
        "MI5 knew about it before WW3 talk started", "We sent 3 C130s down loaded with supplies.",
        "covid19 rules end on the 21st", "see you b4 lunch", "Please!Nigga", "thanks @_lostb0y and @sam_1987",
        "#stand4life #vote2024", "https://t.co/c0g4bc1", "write to m0rt0n@example.com or visit st0nes.example",
        "l33t", "What an idiot!!", "Great work, 10/10"}) {
      assertThat(LEET.respell(text)).as(text).isSameAs(text);
    }
  }

  @Test
  void aHostileCommentIsReadInOnePass() {
    String text = "m0r0n ".repeat(20_000) + "a1".repeat(20_000);
    String respelled = LEET.respell(text);
    assertThat(respelled).hasSameSizeAs(text).startsWith("moron moron ").endsWith("a1a1");
  }
}
