package parley.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Picking a supported language from tags and Accept-Language headers. */
class LangTest {
  @Test
  void regionalTagsFindTheirLanguage() {
    assertThat(Lang.nearest("de-AT")).isEqualTo(Lang.DE);
    assertThat(Lang.nearest("ar_EG")).isEqualTo(Lang.AR);
    assertThat(Lang.nearest("fr")).isNull();
    assertThat(Lang.nearest("")).isNull();
    assertThat(Lang.nearest(null)).isNull();
  }

  @Test
  void acceptLanguageFollowsQValuesAndSkipsUnsupported() {
    assertThat(Lang.fromAcceptLanguage("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7")).isEqualTo(Lang.DE);
    assertThat(Lang.fromAcceptLanguage("en;q=0.3, ar;q=0.9")).isEqualTo(Lang.AR);
    assertThat(Lang.fromAcceptLanguage("ja")).isEqualTo(Lang.EN);
    assertThat(Lang.fromAcceptLanguage(";;q=x")).isEqualTo(Lang.EN);
    assertThat(Lang.fromAcceptLanguage(null)).isEqualTo(Lang.EN);
  }

  @Test
  void aReaderIsWrittenToInTheWidgetsLanguageElseTheBrowsersElseNotChosen() {
    assertThat(Lang.ofReader("de", "ar")).isEqualTo(Lang.DE);
    assertThat(Lang.ofReader("fr", "ar-EG, en;q=0.5")).as("a widget language Parley lacks").isEqualTo(Lang.AR);
    assertThat(Lang.ofReader(null, "de-CH")).isEqualTo(Lang.DE);
    assertThat(Lang.ofReader(null, "ja")).as("a browser language Parley lacks").isEqualTo(Lang.EN);
    assertThat(Lang.ofReader(null, null)).isNull();
    assertThat(Lang.ofReader("<script>", " ")).isNull();
  }

  @Test
  void aFilledInValueIsNeverReadAsAPlaceholder() {
    assertThat(Messages.ENGLISH.get("mail.reply.intro", "{1}", "Trams"))
        .isEqualTo("{1} replied to your comment on \"Trams\":");
    assertThat(Messages.of(Lang.DE).get("mail.reply.read", "https://x.example/$1\\")).isEqualTo("Zur Diskussion: https://x.example/$1\\");
  }

  @Test
  void onlyArabicIsRightToLeft() {
    assertThat(Lang.AR.dir()).isEqualTo("rtl");
    assertThat(Lang.DE.dir()).isEqualTo("ltr");
  }
}
