package parley.moderation;

import java.util.List;
import parley.classify.Category;

/** What one phase says: nothing, evidence worth keeping, or a decision that ends the run. */
public sealed interface Outcome {
  record Pass() implements Outcome {}

  record Note(List<Reason> reasons) implements Outcome {}

  record Decide(Verdict verdict) implements Outcome {}

  Pass PASS = new Pass();

  static Outcome note(Rule rule, String detail) {
    return new Note(List.of(new Reason(rule.key(), detail)));
  }

  static Outcome hold(Rule rule, String detail) {
    return hold(rule.key(), detail);
  }

  static Outcome reject(Rule rule, String detail) {
    return reject(rule.key(), detail);
  }

  /** A category's score reached the site's hold or reject line. */
  static Outcome score(boolean reject, Category category, String detail) {
    return reject ? reject(Rule.scoreKey(category), detail) : hold(Rule.scoreKey(category), detail);
  }

  private static Outcome hold(String rule, String detail) {
    return new Decide(new Verdict.Hold(List.of(new Reason(rule, detail))));
  }

  private static Outcome reject(String rule, String detail) {
    return new Decide(new Verdict.Reject(List.of(new Reason(rule, detail))));
  }
}
