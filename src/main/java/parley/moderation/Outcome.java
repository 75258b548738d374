package parley.moderation;

import java.util.List;

/** What one phase says: nothing, evidence worth keeping, or a decision that ends the run. */
public sealed interface Outcome {
  record Pass() implements Outcome {}

  record Note(List<Reason> reasons) implements Outcome {}

  record Decide(Verdict verdict) implements Outcome {}

  Pass PASS = new Pass();

  static Outcome note(String rule, String detail) {
    return new Note(List.of(new Reason(rule, detail)));
  }

  static Outcome hold(String rule, String detail) {
    return new Decide(new Verdict.Hold(List.of(new Reason(rule, detail))));
  }

  static Outcome reject(String rule, String detail) {
    return new Decide(new Verdict.Reject(List.of(new Reason(rule, detail))));
  }
}
