package parley.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Typed reads of Perspective request fields, refusing wrong types with INVALID_ARGUMENT. */
final class RequestFields {
  private RequestFields() {}

  static String text(JsonNode parent, String path, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) return null;
    if (!node.isTextual()) throw GoogleError.invalid(path + " must be a string.");
    return node.asText();
  }

  static boolean bool(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) return false;
    if (!node.isBoolean()) throw GoogleError.invalid(field + " must be true or false.");
    return node.asBoolean();
  }

  /** ISO 639-1 or BCP-47 codes, reduced to their lower-case primary subtag ("en-US" → "en"). */
  static List<String> languages(JsonNode body) {
    JsonNode node = body.get("languages");
    if (node == null || node.isNull()) return List.of();
    if (!node.isArray()) throw GoogleError.invalid("languages must be a list of language codes.");
    List<String> out = new ArrayList<>();
    for (JsonNode code : node) {
      if (!code.isTextual() || code.asText().isBlank()) throw GoogleError.invalid("languages must be a list of language codes.");
      String primary = code.asText().trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
      if (!out.contains(primary)) out.add(primary);
    }
    return out;
  }
}
