package parley.importing.moderate;

/**
 * One comment to re-judge: its row id (0 for a comment read from a file), the page it is on, its text, its state,
 * who wrote it ({@code parley.moderation.AuthorRef#key()}, null when unknown) and when (epoch millis).
 */
public record Item(long id, String pageKey, String text, String state, String authorKey, long createdAt) {}
