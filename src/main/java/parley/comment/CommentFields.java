package parley.comment;

import java.net.URI;
import java.util.regex.Pattern;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** Validation and cleaning of what readers send with a comment; every refusal names the field. */
final class CommentFields {
  static final int MAX_PAGE_KEY = 512;
  static final int MAX_AUTHOR = 80;
  static final int MAX_EMAIL = 254;
  static final int MAX_URL = 2048;
  static final int MAX_TITLE = 300;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private CommentFields() {}

  static String pageKey(String raw) {
    String key = TextInput.line(raw);
    if (key == null || key.isEmpty()) throw invalid("'page' is required.");
    if (key.length() > MAX_PAGE_KEY) throw invalid("'page' is longer than " + MAX_PAGE_KEY + " characters.");
    return key;
  }

  static String body(String raw, int maxChars) {
    String body = TextInput.clean(raw);
    if (body == null || TextInput.invisible(body)) throw new ApiException(ErrorCode.COMMENT_EMPTY);
    body = body.strip();
    if (body.length() > maxChars) {
      throw new ApiException(ErrorCode.COMMENT_TOO_LONG,
          "The comment has " + body.length() + " characters; the limit is " + maxChars + ".");
    }
    return body;
  }

  static String author(String raw) {
    String name = TextInput.line(raw);
    if (name == null || name.isEmpty()) return "Anonymous";
    if (name.length() > MAX_AUTHOR) throw invalid("'author' is longer than " + MAX_AUTHOR + " characters.");
    // a blank-looking name hides who wrote a comment; an override makes "Ana\u202Erotaredom" read as another name
    if (TextInput.invisible(name) || TextInput.hasBidiControl(name)) throw new ApiException(ErrorCode.AUTHOR_NAME_INVALID);
    return name;
  }

  static String email(String raw) {
    String email = TextInput.line(raw);
    if (email == null || email.isEmpty()) return null;
    if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) throw invalid("'email' is not an address.");
    return email;
  }

  static String url(String raw) {
    String url = TextInput.line(raw);
    if (url == null || url.isEmpty()) return null;
    if (url.length() > MAX_URL) throw invalid("'url' is longer than " + MAX_URL + " characters.");
    try {
      String scheme = URI.create(url).getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) throw invalid("'url' must be http(s).");
    } catch (IllegalArgumentException e) {
      throw invalid("'url' is not a valid URL.");
    }
    return url;
  }

  static String title(String raw) {
    String title = TextInput.line(raw);
    if (title == null || title.isEmpty()) return null;
    return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, message);
  }
}
