package parley.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every dashboard bundle has exactly English's messages, the same placeholders, and its language's plural forms. */
class BundlesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
  private static final Pattern PLURAL_KEY = Pattern.compile("(.+)\\.(zero|one|two|few|many|other)");

  @ParameterizedTest
  @EnumSource(Lang.class)
  void hasExactlyTheMessagesOfEnglish(Lang lang) {
    assertThat(messages(Messages.load(lang)).keySet()).isEqualTo(messages(Messages.load(Lang.EN)).keySet());
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void givesEachPluralMessageTheFormsItsLanguageUses(Lang lang) {
    Set<String> expected = Plural.categories(lang).stream().map(Plural::suffix).collect(Collectors.toSet());
    messages(Messages.load(lang)).forEach((message, keys) -> {
      Set<String> forms = keys.stream().map(k -> PLURAL_KEY.matcher(k)).filter(Matcher::matches)
          .map(m -> m.group(2)).collect(Collectors.toSet());
      if (!forms.isEmpty()) assertThat(forms).as(lang + " " + message).isEqualTo(expected);
    });
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void usesOnlyTheSamePlaceholdersAsEnglish(Lang lang) {
    Properties en = Messages.load(Lang.EN);
    Properties other = Messages.load(lang);
    for (String key : other.stringPropertyNames()) {
      Matcher plural = PLURAL_KEY.matcher(key);
      if (plural.matches()) {
        // a form may leave the number out ("تعليقان"), but must not invent a placeholder
        assertThat(placeholders(other.getProperty(key))).as(lang + " " + key)
            .isSubsetOf(placeholders(en.getProperty(plural.group(1) + ".other")));
      } else {
        assertThat(placeholders(other.getProperty(key))).as(lang + " " + key).isEqualTo(placeholders(en.getProperty(key)));
      }
    }
  }

  /** Messages by name: a plural message's forms count as one message. */
  private static Map<String, Set<String>> messages(Properties p) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      Matcher m = PLURAL_KEY.matcher(key);
      out.computeIfAbsent(m.matches() ? m.group(1) : key, k -> new TreeSet<>()).add(key);
    }
    return out;
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }
}
