package parley.classify;

/** Lets tests reach the fast stage inside the classifier {@link Models} returns. */
interface ParleyClassifierAccess {
  Classifier classifier();

  default NgramClassifier fast() {
    return ((ParleyClassifier) classifier()).fastStage();
  }
}
