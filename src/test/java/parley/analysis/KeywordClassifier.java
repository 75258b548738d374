package parley.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Span;
import parley.classify.Stage;

/** Test double until the real model lands: fixed scores for a few words, spans where they occur. */
final class KeywordClassifier implements Classifier {
  private static final Map<String, Map<Category, Double>> WORDS = Map.of(
      "idiot", Map.of(Category.TOXIC, 0.92, Category.INSULT, 0.9),
      "kill", Map.of(Category.TOXIC, 0.85, Category.THREAT, 0.9),
      "fuck", Map.of(Category.TOXIC, 0.95, Category.OBSCENE, 0.97),
      "buy", Map.of(Category.SPAM, 0.8));

  @Override
  public Classification classify(String text) {
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    for (Category c : Category.values()) scores.put(c, 0.02);
    List<Span> spans = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    WORDS.forEach((word, s) -> {
      int at = lower.indexOf(word);
      if (at < 0) return;
      s.forEach((c, p) -> {
        scores.merge(c, p, Math::max);
        spans.add(new Span(at, at + word.length(), c, p));
      });
    });
    boolean german = lower.contains(" der ") || lower.contains(" und ");
    return new Classification(scores, german ? "de" : "en", !german, spans, Stage.FAST);
  }
}
