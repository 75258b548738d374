package parley.web;

import parley.kit.ApiException;
import parley.kit.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.store.StorageFailure;

/** Turns every failure into {@code {"error": {"code", "message", "status"}}} with the right HTTP status. */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static void register(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.code(), e.getMessage(), e.details()));
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus()), null));
    routes.exception(Exception.class, (e, ctx) -> {
      String storage = StorageFailure.reason(e).orElse(null);
      if (storage != null) {
        // not a bug: the operator must free space or fix the mount; readers can retry, nothing was stored
        log.warn("Cannot store on {} {}: {}", ctx.method(), ctx.path(), storage);
        ctx.header("Retry-After", "60");
        write(ctx, ErrorCode.STORAGE_UNAVAILABLE, null);
        return;
      }
      log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
      write(ctx, ErrorCode.INTERNAL_ERROR, null);
    });
  }

  public static void write(Context ctx, ErrorCode code, String message) {
    write(ctx, code, message, Map.of());
  }

  private static void write(Context ctx, ErrorCode code, String message, Map<String, Object> details) {
    if (code == ErrorCode.REQUEST_TOO_LARGE) drainUnreadBody(ctx);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code.name());
    error.put("message", message == null ? code.defaultMessage() : message);
    error.put("status", code.status());
    details.forEach(error::putIfAbsent);
    ctx.status(code.status()).json(Map.of("error", error));
  }

  /** Beyond this an oversized body is not read: the connection closes and the client may see a reset instead. */
  private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

  /**
   * A 413 is sent before the body is read; closing a socket with unread bytes makes TCP send a reset, and the
   * client (still sending) often loses the answer. Reading the rest of a moderately oversized body first lets the
   * client see the 413 and its JSON reason.
   */
  private static void drainUnreadBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > DRAIN_LIMIT_BYTES) return;
    try (var in = ctx.req().getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      long read = 0;
      for (int n; read <= DRAIN_LIMIT_BYTES && (n = in.read(buffer)) > 0; ) read += n;
    } catch (java.io.IOException | RuntimeException e) {
      log.debug("Could not drain an oversized body on {} {}: {}", ctx.method(), ctx.path(), e.toString());
    }
  }

  private static ErrorCode fromStatus(int status) {
    return switch (status) {
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 413 -> ErrorCode.REQUEST_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.RATE_LIMITED;
      default -> status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
    };
  }
}
