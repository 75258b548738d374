package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parley.kit.Json;

/**
 * The widget's language bundles (public/lang/xx.json, English text → translation) against the scripts that use them:
 * every text the widget passes to T(…) or plural(…) is translated, no bundle keeps a text the widget no longer has,
 * placeholders survive translation, and plural texts name exactly the language's CLDR plural categories.
 */
class WidgetBundlesTest {
  private static final List<String> SCRIPTS = List.of("/public/embed.js", "/public/account.js");
  private static final Pattern PLURAL = Pattern.compile("plural\\([^,()]+(?:\\([^()]*\\))?[^,()]*, \"([^\"]*)\", \"([^\"]*)\"\\)");

  @ParameterizedTest
  @CsvSource({"de, one other", "ar, zero one two few many other"})
  void everyWidgetTextIsTranslatedAndNothingStale(String lang, String categories) throws IOException {
    JsonNode bundle = Json.MAPPER.readTree(resource("/public/lang/" + lang + ".json"));
    StringBuilder sources = new StringBuilder();
    for (String s : SCRIPTS) sources.append(resource(s)).append('\n');
    String js = sources.toString();

    Set<String> missing = new TreeSet<>();
    for (String text : translatedTexts(js)) if (!bundle.has(text)) missing.add(text);
    Matcher m = PLURAL.matcher(js);
    int plurals = 0;
    while (m.find()) {
      plurals++;
      JsonNode forms = bundle.get(m.group(2));
      if (forms == null) {
        missing.add(m.group(2));
        continue;
      }
      assertThat(forms.isObject()).as("%s: plural forms of '%s'", lang, m.group(2)).isTrue();
      assertThat(names(forms)).as("%s: plural categories of '%s'", lang, m.group(2))
          .containsExactlyInAnyOrder(categories.split(" "));
      forms.forEach(f -> assertThat(f.asText()).as("%s: '%s' keeps the count", lang, m.group(2)).satisfiesAnyOf(
          t -> assertThat(t).contains("{0}"), t -> assertThat(t).doesNotContainPattern("\\d")));
    }
    assertThat(plurals).as("plural(…) calls found in the widget").isGreaterThanOrEqualTo(5);
    assertThat(missing).as("texts the widget shows that %s.json lacks", lang).isEmpty();

    bundle.fieldNames().forEachRemaining(key -> {
      assertThat(js).as("%s.json key still used by the widget", lang).contains(quoted(key));
      JsonNode value = bundle.get(key);
      if (value.isTextual()) {
        for (String ph : List.of("{0}", "{1}")) {
          assertThat(value.asText().contains(ph)).as("%s: placeholder %s in '%s'", lang, ph, key)
              .isEqualTo(key.contains(ph));
        }
      }
    });
  }

  /** The string literals in the first argument of each T(…) call (both branches of a ternary included). */
  static Set<String> translatedTexts(String js) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = js.indexOf("T("); i >= 0; i = js.indexOf("T(", i + 2)) {
      if (i > 0 && (Character.isJavaIdentifierPart(js.charAt(i - 1)) || js.charAt(i - 1) == '.')) continue;
      int depth = 0;
      for (int j = i + 1; j < js.length(); j++) {
        char c = js.charAt(j);
        if (c == '"' || c == '\'') {
          int end = endOfLiteral(js, j);
          if (depth == 1) out.add(js.substring(j + 1, end).replace("\\\"", "\"").replace("\\'", "'"));
          j = end;
        } else if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0 || c == ',' && depth == 1) {
          break;
        }
      }
    }
    return out;
  }

  private static int endOfLiteral(String js, int start) {
    char quote = js.charAt(start);
    for (int j = start + 1; j < js.length(); j++) {
      if (js.charAt(j) == '\\') j++;
      else if (js.charAt(j) == quote) return j;
    }
    throw new IllegalStateException("unterminated literal at " + start);
  }

  private static String quoted(String key) {
    return key.contains("\"") ? "'" + key + "'" : "\"" + key + "\"";
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = WidgetBundlesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
