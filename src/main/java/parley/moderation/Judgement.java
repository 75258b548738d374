package parley.moderation;

import parley.classify.Classification;
import parley.comment.CommentState;

/**
 * What the judge (the site's {@link Pipeline}) decided about one comment, with the evidence it decided on: the
 * verdict and its reasons, and the classifier's scores and spans (null when the classifier is off or failed). Live
 * posts, edits, bulk re-moderation and {@code parley classify} all produce this; {@link DecisionJson} stores it.
 */
public record Judgement(Verdict verdict, Classification classification) {
  public CommentState state() {
    return verdict.state();
  }
}
