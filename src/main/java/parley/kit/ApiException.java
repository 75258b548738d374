package parley.kit;

/** A refusal with a stable code; {@code parley.web.ErrorMapper} turns it into the JSON error body. */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;

  public ApiException(ErrorCode code) {
    this(code, code.defaultMessage());
  }

  public ApiException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
