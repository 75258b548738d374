package parley.kit;

/** A refusal with a stable code; {@code parley.web.ErrorMapper} turns it into the JSON error body. */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;

  /** Extra fields for the error body beside code and message, e.g. a suspension's end time; empty for most. */
  private final java.util.Map<String, Object> details;

  public ApiException(ErrorCode code) {
    this(code, code.defaultMessage());
  }

  public ApiException(ErrorCode code, String message) {
    this(code, message, java.util.Map.of());
  }

  public ApiException(ErrorCode code, String message, java.util.Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = java.util.Map.copyOf(details);
  }

  public java.util.Map<String, Object> details() {
    return details;
  }

  public ErrorCode code() {
    return code;
  }
}
