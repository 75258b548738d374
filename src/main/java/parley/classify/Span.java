package parley.classify;

/** A stretch of the original text [start, end) that pushed {@code category}'s score up by {@code weight}. */
public record Span(int start, int end, Category category, double weight) {}
