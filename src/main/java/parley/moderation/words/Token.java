package parley.moderation.words;

/** One normalized word of a comment, with where it came from in the original text [start, end). */
public record Token(String text, int start, int end) {}
