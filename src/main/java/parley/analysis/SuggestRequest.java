package parley.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code comments:suggestscore} request: a moderator's verdict on a comment. Coral sends 0 (approved) or 1
 * (deleted) for its model with {@code clientToken "comment:<id>"} and {@code communityId "Coral:<tenant URL>"}.
 * {@code doNotStore} is a Parley extension (Perspective has none here): the verdict is kept without the text.
 *
 * @param text the comment as plain text (tags stripped for HTML)
 * @param values attribute name as sent → suggested probability
 */
public record SuggestRequest(
    String text,
    Map<String, Double> values,
    String communityId,
    String clientToken,
    List<String> languages,
    boolean doNotStore) {

  public static SuggestRequest parse(JsonNode body) {
    JsonNode comment = body.get("comment");
    PlainText text = AnalyzeRequest.plainText(comment, AnalyzeRequest.commentText(comment));
    JsonNode scores = body.get("attributeScores");
    if (scores == null || !scores.isObject() || scores.isEmpty()) {
      throw GoogleError.invalid("attributeScores must hold at least one attribute.");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (var entry : scores.properties()) {
      String name = entry.getKey();
      Attribute attribute = Attribute.byName(name).orElseThrow(() -> GoogleError.invalid("Unknown attribute: " + name + "."));
      JsonNode value = entry.getValue().path("summaryScore").path("value");
      if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
        throw GoogleError.invalid("attributeScores." + name + ".summaryScore.value must be a number from 0 to 1.");
      }
      values.put(attribute.name(), value.asDouble());
    }
    return new SuggestRequest(text.text(), values, RequestFields.text(body, "communityId", "communityId"),
        RequestFields.text(body, "clientToken", "clientToken"), RequestFields.languages(body),
        RequestFields.bool(body, "doNotStore"));
  }
}
