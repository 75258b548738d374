package parley.moderation;

/**
 * Why the pipeline noted or decided something: a stable rule id ({@code words.banned}, {@code score.threat},
 * {@code links}, ...) and a sentence a moderator can read ("matched banned word 'nuke' as 'n u k e'").
 */
public record Reason(String rule, String detail) {}
