package parley.kit;

/** Every error the HTTP API can answer with. Codes are stable: clients may switch on them. */
public enum ErrorCode {
  MALFORMED_JSON(400, "The request body is not valid JSON."),
  INVALID_ENCODING(400, "The request body is not valid UTF-8."),
  VALIDATION_FAILED(400, "A field has an invalid value."),
  COMMENT_EMPTY(400, "The comment is empty."),
  COMMENT_TOO_LONG(400, "The comment is too long."),
  AUTHOR_NAME_INVALID(400, "That name cannot be shown: it is invisible or contains text-direction overrides."),
  AUTHOR_NAME_RESERVED(400, "That name belongs to the site's staff; please choose another."),
  REPLY_TOO_DEEP(400, "This conversation is nested too deeply to reply here."),
  PARENT_MISMATCH(400, "The comment replied to belongs to another thread."),
  INVALID_VOTE(400, "A vote is 1 (up) or -1 (down)."),
  CLIENT_ID_REQUIRED(400, "The X-Parley-Client header is required."),
  INVALID_CURSOR(400, "The cursor is not valid for this thread."),
  POW_INVALID(400, "The proof of work does not solve a challenge this server issued for this site."),
  POW_EXPIRED(400, "The proof-of-work challenge has expired; solve a new one."),
  NOT_SIGNED_IN(401, "Sign in first."),
  ACCOUNT_REQUIRED(401, "This site asks you to sign in before commenting."),
  LOGIN_FAILED(401, "The email or password is wrong."),
  SSO_TOKEN_INVALID(401, "The sign-in token from the site is not valid or has expired."),
  RESET_TOKEN_INVALID(400, "This password-reset link is not valid, was already used, or has expired; ask for a new one."),
  CSRF_TOKEN_INVALID(403, "The form has expired; reload the page and try again."),
  FORBIDDEN(403, "You do not have permission to do that on this site."),
  METRICS_FORBIDDEN(403, "Metrics are served only to loopback and the addresses in metrics.allow."),
  AUTHOR_BANNED(403, "You have been banned from commenting on this site."),
  AUTHOR_SUSPENDED(403, "You are suspended from commenting on this site for a while."),
  EDIT_TOKEN_INVALID(403, "The edit token does not match this comment."),
  EDIT_WINDOW_CLOSED(403, "The time to edit or delete this comment has passed."),
  POW_REQUIRED(403, "This site asks for a proof of work with each comment: get a challenge from /api/v1/challenge."),
  THREAD_CLOSED(403, "This thread is closed for new comments."),
  ORIGIN_NOT_ALLOWED(403, "This site does not allow requests from that origin."),
  SITE_NOT_FOUND(404, "No such site."),
  THREAD_NOT_FOUND(404, "No such thread."),
  THREAD_MOVE_TO_ITSELF(409, "The thread already has that page key."),
  COMMENT_NOT_FOUND(404, "No such comment."),
  AUTHOR_NOT_FOUND(404, "No comments by that author on this site."),
  NOT_FOUND(404, "No such endpoint."),
  METHOD_NOT_ALLOWED(405, "That method is not allowed here."),
  WEBHOOK_NOT_FOUND(404, "No such webhook on this site."),
  AUDIT_ENTRY_NOT_FOUND(404, "No such audit log entry."),
  ACCOUNT_EXISTS(409, "An account with that email already exists."),
  ALREADY_REPORTED(409, "You have already reported this comment."),
  ALREADY_UNDONE(409, "This action has already been undone."),
  POW_REPLAYED(409, "That proof of work was already used; solve a new challenge."),
  ALREADY_VOTED(409, "You have already voted on this comment."),
  COMMENT_NOT_EDITABLE(409, "This comment can no longer be changed."),
  CLAIMED_BY_OTHER(409, "Another moderator is handling this comment."),
  REQUEST_TOO_LARGE(413, "The request body is too large."),
  UNSUPPORTED_MEDIA_TYPE(415, "Send the request body as application/json."),
  IDEMPOTENCY_KEY_REUSED(422, "That Idempotency-Key was already used for a different comment."),
  IMPORT_FAILED(422, "The file could not be imported."),
  RATE_LIMITED(429, "Too many requests; slow down and try again shortly."),
  LIVE_STREAMS_PER_ADDRESS(429, "Too many live streams from this address; close other tabs or retry later."),
  LOGIN_THROTTLED(429, "Too many failed sign-in attempts; wait a few minutes and try again."),
  INTERNAL_ERROR(500, "Something went wrong on the server."),
  STORAGE_UNAVAILABLE(503, "The server cannot store anything right now (its disk is full or read-only); try again later."),
  NOTIFICATIONS_OFF(503, "This server does not send emails (no SMTP server is configured)."),
  LIVE_STREAMS_EXHAUSTED(503, "This server holds as many live streams as it may; retry later (comments still load)."),
  NOT_READY(503, "Parley is starting, stopping or cannot reach what it needs; see the failing checks.");

  private final int status;
  private final String defaultMessage;

  ErrorCode(int status, String defaultMessage) {
    this.status = status;
    this.defaultMessage = defaultMessage;
  }

  public int status() {
    return status;
  }

  public String defaultMessage() {
    return defaultMessage;
  }
}
