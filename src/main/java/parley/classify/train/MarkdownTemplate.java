package parley.classify.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown text resource with {@code {{name}}} placeholders and {@code {{#name}}…{{/name}}} sections, filled from a
 * record's components. A section is left out when its value is null, false or empty; a collection repeats it once per
 * element (a record whose components the body may name). A section tag alone on its line takes its line break with it,
 * so the resource reads as the Markdown it renders. Values are inserted as they are, never scanned for tags.
 */
final class MarkdownTemplate {
  private static final Pattern STANDALONE = Pattern.compile("(?m)^(\\{\\{[#/]\\w+}})\\n");
  private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private final String text;

  private MarkdownTemplate(String text) {
    this.text = STANDALONE.matcher(text).replaceAll("$1");
  }

  static MarkdownTemplate resource(String name) {
    try (InputStream in = MarkdownTemplate.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("no template resource " + name);
      return new MarkdownTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String render(Record values) {
    return render(text, fields(values));
  }

  private static String render(String template, Map<String, Object> values) {
    Matcher s = SECTION.matcher(template);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (s.find()) {
      out.append(fill(template.substring(last, s.start()), values));
      Object v = value(values, s.group(1));
      if (v instanceof Collection<?> items) {
        for (Object item : items) {
          Map<String, Object> scope = new LinkedHashMap<>(values);
          scope.putAll(fields((Record) item));
          out.append(render(s.group(2), scope));
        }
      } else if (present(v)) {
        out.append(render(s.group(2), values));
      }
      last = s.end();
    }
    return out.append(fill(template.substring(last), values)).toString();
  }

  /** Placeholders in text outside sections, in one pass, so that no inserted value is read as a tag. */
  private static String fill(String text, Map<String, Object> values) {
    return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(String.valueOf(value(values, m.group(1)))));
  }

  private static boolean present(Object v) {
    return v != null && !Boolean.FALSE.equals(v) && !"".equals(v);
  }

  private static Object value(Map<String, Object> values, String name) {
    if (!values.containsKey(name)) throw new IllegalArgumentException("template names " + name + ", which has no value");
    return values.get(name);
  }

  private static Map<String, Object> fields(Record r) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      for (RecordComponent c : r.getClass().getRecordComponents()) m.put(c.getName(), c.getAccessor().invoke(r));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return m;
  }
}
