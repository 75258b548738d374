package parley.importing.moderate;

/**
 * One comment to re-score: its row id (0 for a comment read from a file), the page it is on, its text, its state.
 */
public record Item(long id, String pageKey, String text, String state) {}
