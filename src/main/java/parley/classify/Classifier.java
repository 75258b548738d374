package parley.classify;

/** Scores comments. Implementations are thread-safe and loaded once per process. */
public interface Classifier {
  Classification classify(String text);

  /** Scores with the given stage; a classifier without the accurate stage answers with the fast one. */
  default Classification classify(String text, Stage stage) {
    return classify(text);
  }
}
