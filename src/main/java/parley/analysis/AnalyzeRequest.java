package parley.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code comments:analyze} request, validated. Fields Perspective accepts but Parley does not use ({@code context},
 * {@code communityId}, {@code sessionId}) are read past.
 *
 * @param source the comment as sent
 * @param text what the classifier reads (tags stripped for HTML)
 * @param requested attribute as named by the client (echoed in the answer) → its parameters
 * @param unknownAttributes requested names that Parley does not know
 * @param languages the languages the client declared, or empty to detect
 */
public record AnalyzeRequest(
    String source,
    PlainText text,
    Map<String, Requested> requested,
    List<String> unknownAttributes,
    List<String> languages,
    boolean doNotStore,
    boolean spanAnnotations,
    boolean dropUnsupportedAttributes,
    String clientToken) {

  /** Perspective's documented limit on comment.text. */
  public static final int MAX_TEXT_CHARS = 20_480;

  /** One requested attribute; {@code threshold} omits the attribute from the answer when its score is lower. */
  public record Requested(Attribute attribute, Double threshold) {}

  public static AnalyzeRequest parse(JsonNode body) {
    JsonNode comment = body.get("comment");
    String source = commentText(comment);
    PlainText text = plainText(comment, source);

    Map<String, Requested> requested = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    JsonNode attributes = body.get("requestedAttributes");
    if (attributes == null || !attributes.isObject() || attributes.isEmpty()) {
      throw GoogleError.invalid("requestedAttributes must name at least one attribute.");
    }
    for (var entry : attributes.properties()) {
      var attribute = Attribute.byName(entry.getKey());
      if (attribute.isEmpty()) {
        unknown.add(entry.getKey());
      } else {
        requested.put(entry.getKey(), new Requested(attribute.get(), threshold(entry.getKey(), entry.getValue())));
      }
    }
    return new AnalyzeRequest(source, text, requested, unknown, RequestFields.languages(body),
        RequestFields.bool(body, "doNotStore"), RequestFields.bool(body, "spanAnnotations"),
        RequestFields.bool(body, "dropUnsupportedAttributes"), RequestFields.text(body, "clientToken", "clientToken"));
  }

  /** comment.text as sent: present, not empty, at most {@link #MAX_TEXT_CHARS} characters. */
  static String commentText(JsonNode comment) {
    if (comment == null || !comment.isObject()) throw GoogleError.invalid("comment is required.");
    String source = RequestFields.text(comment, "comment.text", "text");
    if (source == null || source.isEmpty()) throw GoogleError.invalid("Comment text must not be empty.");
    int length = source.codePointCount(0, source.length());
    if (length > MAX_TEXT_CHARS) {
      throw GoogleError.invalid("Comment text too long: " + length + " characters; the limit is " + MAX_TEXT_CHARS + ".");
    }
    return source;
  }

  /** What the classifier reads: the text itself, or for comment.type HTML the text without markup. */
  static PlainText plainText(JsonNode comment, String source) {
    PlainText text = switch (typeOf(comment)) {
      case "PLAIN_TEXT" -> PlainText.of(source);
      case "HTML" -> PlainText.fromHtml(source);
      default -> throw GoogleError.invalid("comment.type must be PLAIN_TEXT or HTML.");
    };
    if (text.text().isBlank()) throw GoogleError.invalid("Comment text must not be empty.");
    return text;
  }

  private static String typeOf(JsonNode comment) {
    String type = RequestFields.text(comment, "comment.type", "type");
    return type == null || type.isEmpty() || type.equals("TEXT_TYPE_UNSPECIFIED") ? "PLAIN_TEXT" : type;
  }

  private static Double threshold(String name, JsonNode parameters) {
    if (parameters == null || parameters.isNull()) return null;
    if (!parameters.isObject()) throw GoogleError.invalid("requestedAttributes." + name + " must be an object.");
    String scoreType = RequestFields.text(parameters, name + ".scoreType", "scoreType");
    if (scoreType != null && !scoreType.equals("PROBABILITY") && !scoreType.equals("SCORE_TYPE_UNSPECIFIED")) {
      throw GoogleError.invalid("Score type " + scoreType + " is not supported for " + name + "; use PROBABILITY.");
    }
    JsonNode t = parameters.get("scoreThreshold");
    if (t == null || t.isNull()) return null;
    if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 1) {
      throw GoogleError.invalid(name + ".scoreThreshold must be a number from 0 to 1.");
    }
    return t.asDouble();
  }
}
