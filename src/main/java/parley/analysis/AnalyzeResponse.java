package parley.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The body of a {@code comments:analyze} answer, field for field as Perspective spells it; {@code scoredBy} (the stage
 * that scored, null when nothing was) is not in the body: the handler sends it as {@code X-Parley-Stage}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyzeResponse(
    Map<String, AttributeScores> attributeScores,
    List<String> languages,
    List<String> detectedLanguages,
    String clientToken,
    @com.fasterxml.jackson.annotation.JsonIgnore parley.classify.Stage scoredBy) {

  public record AttributeScores(Score summaryScore, List<SpanScore> spanScores) {}

  public record SpanScore(int begin, int end, Score score) {}

  public record Score(double value, String type) {
    static Score probability(double value) {
      return new Score(value, "PROBABILITY");
    }
  }
}
