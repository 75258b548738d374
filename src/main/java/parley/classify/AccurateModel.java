package parley.classify;

/**
 * The model behind the fast stage in the accurate stage: a sentence encoder with linear heads ({@link SemanticStage})
 * or the fine-tuned transformer ({@link TransformerStage}). Either one's margins are stacked with the fast stage's
 * margins into calibrated probabilities, {@code p = sigmoid(a * fast + b * model + c)} per category.
 *
 * <p>Public for the trainers in {@code parley.classify.train}, which build and evaluate it.
 */
public interface AccurateModel extends AutoCloseable {
  /** Probability per category, in {@link Category} order, for the comment's head. */
  double[] probabilities(String head, double[] fastMargins);

  /** Probabilities with what explains them, when the model has more to say than the fast stage's words. */
  default Scored scored(String head, double[] fastMargins) {
    return new Scored(probabilities(head, fastMargins), null);
  }

  /** @param marks the span branch's reading of the comment (null: the word table alone explains it) */
  record Scored(double[] probs, Marks marks) {}

  /**
   * Per UTF-16 char of the comment's head, how likely raters would mark it (computed on first call, since only
   * explained comments need it; null if the span branch cannot run), and how that blends with the word table.
   */
  record Marks(java.util.function.Supplier<float[]> perChar, SpanMix mix) {}

  /** Loads what loads lazily (ONNX sessions), so that the first comment does not wait for it. */
  void warmUp();

  @Override
  default void close() {}

  /** The stacker: {@code p = sigmoid(a * fast + b * model + c)} per category, {@code stack[c] = {a, b, c}}. */
  static double[] stacked(double[][] stack, double[] fastMargins, double[] modelMargins) {
    double[] p = new double[fastMargins.length];
    for (int c = 0; c < p.length; c++) {
      p[c] = FastModel.sigmoid(stack[c][0] * fastMargins[c] + stack[c][1] * modelMargins[c] + stack[c][2]);
    }
    return p;
  }
}
