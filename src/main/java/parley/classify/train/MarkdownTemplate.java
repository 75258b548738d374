package parley.classify.train;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Markdown resource in Mustache syntax ({@code {{name}}}, {@code {{#name}}…{{/name}}}), filled from a record's
 * components. Values are written as they are: the output is Markdown, not HTML, so nothing is escaped.
 */
final class MarkdownTemplate {
  private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory("parley/classify/train") {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  private final Mustache mustache;

  private MarkdownTemplate(Mustache mustache) {
    this.mustache = mustache;
  }

  static MarkdownTemplate resource(String name) {
    return new MarkdownTemplate(FACTORY.compile(name));
  }

  String render(Record values) {
    StringWriter out = new StringWriter();
    mustache.execute(out, fields(values));
    return out.toString();
  }

  /** The record's components by name (Mustache reads the records inside lists by their accessors). */
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
