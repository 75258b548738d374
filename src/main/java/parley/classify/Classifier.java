package parley.classify;

/**
 * Scores comments. Implementations are thread-safe and loaded once per process; {@link #close} releases what they
 * hold (native sessions, encoder pools), after which they must not be called. {@link #OFF} stands for "no model".
 */
public interface Classifier extends AutoCloseable {
  Classification classify(String text);

  /** Scores with the given stage; a classifier without the accurate stage answers with the fast one. */
  default Classification classify(String text, Stage stage) {
    return classify(text);
  }

  /** The stage {@link #classify(String)} uses: what live comments are judged with. */
  default Stage defaultStage() {
    return Stage.FAST;
  }

  /**
   * The hold and reject lines the model's own training chose ({@code thresholds.json} in its folder), which a site
   * without a policy of its own is judged by; empty: the shipped model's lines ({@code Policy.defaults()}).
   */
  default java.util.Map<Category, CalibratedLine> calibratedLines() {
    return java.util.Map.of();
  }

  /** Loads whatever a classifier loads on first use (the transformer's session), so that the first comment need not. */
  default void warmUp() {}

  /** False while the model is still being read in the background (callers that score would wait). */
  default boolean loaded() {
    return true;
  }

  /** True only for {@link #OFF}: moderation then notes "classifier.off" and the analysis API answers 503. */
  default boolean off() {
    return false;
  }

  @Override
  default void close() {}

  /** No model in this build: callers check {@link #off()} first; scoring with it is a programming error. */
  Classifier OFF = new Classifier() {
    @Override
    public Classification classify(String text) {
      throw new IllegalStateException("no classifier model is available");
    }

    @Override
    public boolean off() {
      return true;
    }

    @Override
    public String toString() {
      return "Classifier.OFF";
    }
  };
}
