package parley.classify;

import java.util.function.IntUnaryOperator;

/**
 * How the accurate stage prepares a comment for its network, beyond reading it as written: respelled (words spelled
 * out letter by letter joined, {@link SpacedLetters}: "m u s l i m s"; leetspeak undone, {@link LeetWords}: "mu5l1ms";
 * one swapped or missing letter mended, {@link Typos}: "Mulsims"; each only where that gives a known word), and words
 * run together also read split ({@link JoinedWords}: "ihatemuslims"). Both are choices of the model folder
 * ({@code transformer.json}), so that a folder keeps the behaviour its lines were chosen with.
 */
public record Readings(boolean respell, boolean splitJoined) {
  /** The text as written only: what folders written before these settings existed get. */
  public static final Readings AS_WRITTEN = new Readings(false, false);

  /** A text the network reads, and where each code-point offset into it points in the text as written. */
  record Read(String text, IntUnaryOperator original) {}

  /** The text respelled where these readings say so: spelled-out words joined, then leetspeak undone, then typos. */
  Read respelled(String text) {
    if (!respell) return new Read(text, IntUnaryOperator.identity());
    SpacedLetters.Joined joined = SpacedLetters.shipped().join(text);
    String leet = LeetWords.shipped().respell(joined.text()); // one character for one: the same offsets
    JoinedWords.Split mended = Typos.shipped().mend(leet);
    IntUnaryOperator original = joined.changed() ? joined::original : IntUnaryOperator.identity();
    return new Read(mended.text(), mended.changed() ? original.compose(mended::original) : original);
  }
}
