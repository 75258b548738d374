package parley.analysis;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in Google's API error shape, {@code {"error": {"code": 400, "message": "...", "status":
 * "INVALID_ARGUMENT"}}}, which Perspective clients parse. Not Parley's {@code /api/v1} shape on purpose.
 */
public final class GoogleError extends RuntimeException {
  /** The google.rpc status codes these endpoints use, with their HTTP status. */
  public enum Status {
    INVALID_ARGUMENT(400),
    PERMISSION_DENIED(403),
    NOT_FOUND(404),
    RESOURCE_EXHAUSTED(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int http;

    Status(int http) {
      this.http = http;
    }

    public int http() {
      return http;
    }
  }

  private final Status status;

  public GoogleError(Status status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static GoogleError invalid(String message) {
    return new GoogleError(Status.INVALID_ARGUMENT, message);
  }

  public Status status() {
    return status;
  }

  public void write(Context ctx) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status.http());
    error.put("message", getMessage());
    error.put("status", status.name());
    ctx.status(status.http()).json(Map.of("error", error));
  }
}
