package parley.comment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Keyset position after the last top-level comment of a page: stable while new comments arrive. */
public record Cursor(int score, long createdAt, long id) {

  public static Cursor after(Comment c) {
    return new Cursor(c.score(), c.createdAt().toEpochMilli(), c.id());
  }

  public String encode() {
    String raw = score + ":" + createdAt + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** Null when the text is not a cursor this server wrote. */
  public static Cursor decode(String text) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
      if (parts.length != 3) return null;
      return new Cursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
