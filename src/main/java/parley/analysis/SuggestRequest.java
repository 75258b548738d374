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
    // the same rules for comment.text as analyze; one attribute is enough to reuse them
    var comment = AnalyzeRequest.parse(withPlaceholderAttribute(body));
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
    return new SuggestRequest(comment.text().text(), values, RequestFields.text(body, "communityId", "communityId"),
        comment.clientToken(), comment.languages(), comment.doNotStore());
  }

  private static JsonNode withPlaceholderAttribute(JsonNode body) {
    var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy();
    copy.putObject("requestedAttributes").putObject(Attribute.TOXICITY.name());
    return copy;
  }
}
