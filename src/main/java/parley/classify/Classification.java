package parley.classify;

import java.util.List;
import java.util.Map;

/**
 * The result of scoring one comment.
 *
 * @param scores calibrated probability per category (every category present)
 * @param language ISO 639-1 code of the detected language, or "und" when unknown
 * @param languageSupported false when the model was not trained for that language: scores are then not trustworthy
 * @param spans the parts of the text that drove the scores, strongest first
 * @param stage which model produced the scores
 */
public record Classification(
    Map<Category, Double> scores, String language, boolean languageSupported, List<Span> spans, Stage stage) {

  public double score(Category category) {
    return scores.getOrDefault(category, 0.0);
  }
}
