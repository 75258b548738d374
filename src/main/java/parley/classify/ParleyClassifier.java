package parley.classify;

/**
 * The classifier {@link Models} hands out: the fast stage always, and the accurate stage (fast + a second model,
 * stacked) when the model has one. The second model loads on the first accurate call, so loading stays fast.
 *
 * <p>Public for the trainers in {@code parley.classify.train}, which build and evaluate it.
 */
public final class ParleyClassifier implements Classifier {
  private final NgramClassifier fast;
  private final AccurateModel accurate; // null: fast only
  private final Stage defaultStage;
  private final java.util.Map<Category, CalibratedLine> lines;

  public ParleyClassifier(NgramClassifier fast, AccurateModel accurate, Stage defaultStage) {
    this(fast, accurate, defaultStage, java.util.Map.of());
  }

  public ParleyClassifier(NgramClassifier fast, AccurateModel accurate, Stage defaultStage,
      java.util.Map<Category, CalibratedLine> lines) {
    this.fast = fast;
    this.accurate = accurate;
    this.defaultStage = defaultStage;
    this.lines = java.util.Map.copyOf(lines);
  }

  @Override
  public java.util.Map<Category, CalibratedLine> calibratedLines() {
    return lines;
  }

  NgramClassifier fastStage() {
    return fast;
  }

  @Override
  public Stage defaultStage() {
    return defaultStage;
  }

  /** Starts the accurate stage's model now rather than on the first accurate call. */
  @Override
  public void warmUp() {
    if (accurate != null) accurate.warmUp();
  }

  @Override
  public Classification classify(String text) {
    return classify(text, defaultStage);
  }

  @Override
  public Classification classify(String text, Stage stage) {
    if (stage == Stage.FAST || accurate == null) return fast.classify(text);
    return fast.classify(text, Stage.ACCURATE, accurate::scored);
  }

  @Override
  public void close() {
    if (accurate != null) accurate.close();
  }
}
