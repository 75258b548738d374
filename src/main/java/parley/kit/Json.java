package parley.kit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.CharConversionException;
import java.io.IOException;

/** The one JSON mapper, and strict reading of request bodies into clear errors. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .serializationInclusion(JsonInclude.Include.ALWAYS)
      .build();

  private Json() {}

  /**
   * A request body as a JSON object; refuses other content types, bad encodings and bad JSON. Handlers pass
   * {@code ctx.contentType(), ctx.bodyAsBytes()}: the kit stays free of HTTP types.
   */
  public static JsonNode body(String contentType, byte[] bytes) {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }
    if (bytes.length == 0) throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is empty.");
    try {
      JsonNode node = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object.");
      }
      return node;
    } catch (CharConversionException e) {
      throw new ApiException(ErrorCode.INVALID_ENCODING);
    } catch (StreamConstraintsException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON, "The JSON is nested or sized beyond the limits.");
    } catch (JsonEOFException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON, "The JSON ends too early.");
    } catch (JsonParseException e) {
      boolean encoding = e.getMessage() != null && e.getMessage().contains("UTF-8");
      throw encoding
          ? new ApiException(ErrorCode.INVALID_ENCODING)
          : new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: "
              + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ").");
    } catch (MismatchedInputException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body has more after its JSON object (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
    } catch (IOException e) {
      throw new ApiException(ErrorCode.MALFORMED_JSON);
    }
  }

  /** A text field, or null when absent or JSON null; refuses non-strings. */
  public static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) return null;
    if (!node.isTextual()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + field + "' must be a string.");
    return node.asText();
  }

  /** A whole-number field, or null when absent or JSON null. */
  public static Long number(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) return null;
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'" + field + "' must be a whole number.");
    }
    return node.asLong();
  }
}
