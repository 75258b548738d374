package parley.testing;

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

/**
 * A stand-in classifier for tests of the moderation flow: fixed words raise fixed categories, with spans, so a
 * test knows exactly which comment is held. The real model is tested by the classifier feature.
 */
public class KeywordClassifier implements Classifier {
  private static final Map<String, Category> WORDS = Map.of(
      "kill", Category.THREAT, "hurt", Category.THREAT, "idiot", Category.INSULT, "moron", Category.INSULT,
      "casino", Category.SPAM);

  @Override
  public Classification classify(String text) {
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    for (Category c : Category.values()) scores.put(c, 0.02);
    List<Span> spans = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    WORDS.forEach((word, cat) -> {
      int at = lower.indexOf(word);
      if (at >= 0) {
        scores.merge(cat, 0.85, Math::max); // between the shipped hold and reject lines
        scores.merge(Category.TOXIC, 0.5, Math::max);
        spans.add(new Span(at, at + word.length(), cat, 0.8));
      }
    });
    return new Classification(scores, "en", true, spans, Stage.FAST);
  }
}
