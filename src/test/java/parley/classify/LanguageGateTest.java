package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LanguageGateTest {
  private static final LanguageGate gate = LanguageGate.create();

  @Test
  void idsAndCodesInsideEnglishDoNotMakeItForeign() {
    for (int i = 0; i < 200; i++) {
      String id = UUID.randomUUID().toString().replace("-", "");
      String text = "You idiot, marker" + id + " is a fool.";
      assertThat(gate.detect(text)).as(text).isEqualTo(new LanguageGate.Verdict("en", true));
    }
    assertThat(gate.detect("Order 7f3a9c22b1e04d5f8a6b, ticket x9q2z7, still missing after 3 weeks."))
        .isEqualTo(new LanguageGate.Verdict("en", true));
  }

  @Test
  void otherLanguagesAreStillToldApart() {
    assertThat(gate.detect("Das ist doch wirklich eine Frechheit, was die Regierung hier schon wieder macht."))
        .isEqualTo(new LanguageGate.Verdict("de", false));
    assertThat(gate.detect("C'est vraiment une honte, ce que le gouvernement fait encore une fois ici."))
        .isEqualTo(new LanguageGate.Verdict("fr", false));
    assertThat(gate.detect("Это просто позор, что правительство снова делает здесь.").supported()).isFalse();
    assertThat(gate.detect("ok!!").supported()).isTrue();
  }
}
