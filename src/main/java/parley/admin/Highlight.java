package parley.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import parley.moderation.words.WordMatcher;

/** Splits a comment into plain and highlighted stretches: the classifier's spans and word-list matches. */
public final class Highlight {
  /** A stretch of text; {@code label} is a category key, "word", or null for plain text. */
  public record Segment(String text, String label) {}

  private Highlight() {}

  public static List<Segment> segments(String body, JsonNode scores, List<WordMatcher.Match> words) {
    String[] labels = new String[body.length()];
    if (scores != null) {
      for (JsonNode span : scores.path("spans")) {
        mark(labels, span.path("start").asInt(), span.path("end").asInt(), span.path("category").asText());
      }
    }
    for (WordMatcher.Match m : words) mark(labels, m.start(), m.end(), "word");
    List<Segment> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= body.length(); i++) {
      if (i == body.length() || !java.util.Objects.equals(labels[i], labels[start])) {
        out.add(new Segment(body.substring(start, i), labels[start]));
        start = i;
      }
    }
    return out;
  }

  private static void mark(String[] labels, int start, int end, String label) {
    for (int i = Math.max(0, start); i < Math.min(end, labels.length); i++) {
      if (labels[i] == null) labels[i] = label;
    }
  }
}
