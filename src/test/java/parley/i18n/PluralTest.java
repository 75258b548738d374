package parley.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CLDR rules for whole numbers, and messages picking their form by them. */
class PluralTest {
  @Test
  void englishAndGermanHaveOneAndOther() {
    assertThat(Plural.of(Lang.EN, 1)).isEqualTo(Plural.ONE);
    assertThat(Plural.of(Lang.EN, 0)).isEqualTo(Plural.OTHER);
    assertThat(Plural.of(Lang.DE, 2)).isEqualTo(Plural.OTHER);
    assertThat(Plural.of(Lang.DE, 21)).isEqualTo(Plural.OTHER);
  }

  @Test
  void arabicHasSixForms() {
    assertThat(Plural.of(Lang.AR, 0)).isEqualTo(Plural.ZERO);
    assertThat(Plural.of(Lang.AR, 1)).isEqualTo(Plural.ONE);
    assertThat(Plural.of(Lang.AR, 2)).isEqualTo(Plural.TWO);
    assertThat(Plural.of(Lang.AR, 3)).isEqualTo(Plural.FEW);
    assertThat(Plural.of(Lang.AR, 10)).isEqualTo(Plural.FEW);
    assertThat(Plural.of(Lang.AR, 103)).isEqualTo(Plural.FEW);
    assertThat(Plural.of(Lang.AR, 11)).isEqualTo(Plural.MANY);
    assertThat(Plural.of(Lang.AR, 99)).isEqualTo(Plural.MANY);
    assertThat(Plural.of(Lang.AR, 100)).isEqualTo(Plural.OTHER);
    assertThat(Plural.of(Lang.AR, 102)).isEqualTo(Plural.OTHER);
  }

  @Test
  void messagesPickTheirFormAndFillTheNumber() {
    assertThat(Messages.of(Lang.EN).plural("nav.badge", 1)).isEqualTo("1 comment waiting");
    assertThat(Messages.of(Lang.DE).plural("nav.badge", 4)).isEqualTo("4 Kommentare warten");
    assertThat(Messages.of(Lang.AR).plural("nav.badge", 2)).isEqualTo("تعليقان في الانتظار");
    assertThat(Messages.of(Lang.AR).plural("nav.badge", 5)).isEqualTo("5 تعليقات في الانتظار");
    assertThat(Messages.of(Lang.AR).plural("nav.badge", 12)).isEqualTo("12 تعليقًا في الانتظار");
  }

  @Test
  void unknownKeysFallBackToEnglishThenToTheKey() {
    assertThat(Messages.of(Lang.DE).get("no.such.key")).isEqualTo("no.such.key");
    assertThat(Messages.of(Lang.DE).orLiteral("You need the admin role.")).isEqualTo("You need the admin role.");
    assertThat(Messages.of(Lang.DE).orLiteral("error.expired.title")).isEqualTo("Formular abgelaufen");
  }
}
