package parley.moderation;

/**
 * Why the pipeline noted or decided something: a stable rule id, spelled as {@link Rule} stores it ({@code words.banned},
 * {@code score.threat}, {@code links}, ...; kept as text because stored reasons outlive versions) and a sentence a moderator can read ("matched banned word 'nuke' as 'n u k e'").
 */
public record Reason(String rule, String detail) {}
