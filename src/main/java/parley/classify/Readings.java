package parley.classify;

/**
 * How the accurate stage prepares a comment for its network, beyond reading it as written: leetspeak undone in words
 * that become known words ({@link LeetWords}: "mu5l1ms"), and words run together also read split ({@link JoinedWords}:
 * "ihatemuslims"). Both are choices of the model folder ({@code transformer.json}), so that a folder keeps the
 * behaviour its lines were chosen with.
 */
public record Readings(boolean undoLeet, boolean splitJoined) {
  /** The text as written only: what folders written before these settings existed get. */
  public static final Readings AS_WRITTEN = new Readings(false, false);
}
