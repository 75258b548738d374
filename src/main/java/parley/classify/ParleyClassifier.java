package parley.classify;

/**
 * The classifier {@link Models} hands out: the fast stage always, and the accurate stage (fast + sentence encoder,
 * stacked) when the model has one. The encoder starts on the first accurate call, so loading stays fast.
 */
final class ParleyClassifier implements Classifier {
  private final NgramClassifier fast;
  private final SemanticStage semantic; // null: fast only
  private final Stage defaultStage;

  ParleyClassifier(NgramClassifier fast, SemanticStage semantic, Stage defaultStage) {
    this.fast = fast;
    this.semantic = semantic;
    this.defaultStage = defaultStage;
  }

  NgramClassifier fastStage() {
    return fast;
  }

  Stage defaultStage() {
    return defaultStage;
  }

  /** Starts the sentence encoder now rather than on the first accurate call. */
  void warmUp() {
    if (semantic != null) semantic.encoder().encode("warm up");
  }

  @Override
  public Classification classify(String text) {
    return classify(text, defaultStage);
  }

  @Override
  public Classification classify(String text, Stage stage) {
    if (stage == Stage.FAST || semantic == null) return fast.classify(text);
    return fast.classify(text, Stage.ACCURATE,
        (head, fastMargins) -> semantic.stacked(fastMargins, semantic.semanticMargins(semantic.encoder().encode(head))));
  }
}
