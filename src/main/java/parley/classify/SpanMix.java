package parley.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * How the toxic spans blend the two signals per word: the raters' word table ({@link SpanLexicon}, strong on the words
 * raters always mark) and the span branch ({@link SpanNetwork}, which reads the word in its comment), and the lines a
 * blended word score is marked from. Chosen on part of toxic_spans' train split ({@code parley train}), kept in
 * {@link #FILE} beside the branch.
 *
 * @param weight the branch's share of a word's score, 0 to 1 (0: the table alone)
 * @param line a word is marked from this score
 * @param neighbour a word next to a marked one is marked from this (lower) score
 */
public record SpanMix(double weight, double line, double neighbour) {
  public static final String FILE = "spans.json";

  public SpanMix {
    if (!(weight >= 0 && weight <= 1 && line > 0 && line <= 1 && neighbour > 0 && neighbour <= line)) {
      throw new IllegalArgumentException("span mix needs 0 <= weight <= 1 and 0 < neighbour <= line <= 1, was "
          + weight + ", " + line + ", " + neighbour);
    }
  }

  double score(float share, float mark) {
    return (1 - weight) * share + weight * mark;
  }

  public static SpanMix read(InputStream in) throws IOException {
    var root = new ObjectMapper().readTree(in);
    try {
      return new SpanMix(root.path("weight").asDouble(Double.NaN), root.path("line").asDouble(Double.NaN),
          root.path("neighbour").asDouble(Double.NaN));
    } catch (IllegalArgumentException e) {
      throw new IOException(FILE + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) throws IOException {
    var json = new ObjectMapper();
    var root = json.createObjectNode();
    root.put("model", SpanNetwork.FILE);
    root.put("weight", weight);
    root.put("line", line);
    root.put("neighbour", neighbour);
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }
}
