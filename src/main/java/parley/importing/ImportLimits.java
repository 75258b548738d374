package parley.importing;

/**
 * The limits live input obeys, applied to every import: a message longer than {@code maxCommentChars} is cut to it
 * (with a warning) rather than stored and served whole, so an export cannot carry what a reader could not post.
 */
public record ImportLimits(int maxCommentChars) {
  public static final int MAX_TITLE = 300;
  /** The default of {@code max.comment.chars}. */
  public static final ImportLimits DEFAULT = new ImportLimits(10_000);

  public ImportLimits {
    if (maxCommentChars < 1) throw new IllegalArgumentException("maxCommentChars must be positive");
  }

  public boolean tooLong(String text) {
    return text != null && text.length() > maxCommentChars;
  }

  /** The first {@code max} characters, never splitting a surrogate pair. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) return text;
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
