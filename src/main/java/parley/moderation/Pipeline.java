package parley.moderation;

import java.util.ArrayList;
import java.util.List;

/** Runs phases in order; the first that decides ends the run, and notes from earlier phases join its reasons. */
public final class Pipeline {
  private final List<Phase> phases;

  public Pipeline(List<Phase> phases) {
    this.phases = List.copyOf(phases);
  }

  /** The verdict with the evidence it rests on. */
  public Judgement judge(Submission submission) {
    return new Judgement(run(submission), submission.classification());
  }

  public Verdict run(Submission submission) {
    List<Reason> notes = new ArrayList<>();
    for (Phase phase : phases) {
      switch (phase.evaluate(submission)) {
        case Outcome.Pass p -> { }
        case Outcome.Note n -> notes.addAll(n.reasons());
        case Outcome.Decide d -> {
          return withNotes(d.verdict(), notes);
        }
      }
    }
    return new Verdict.Publish(List.copyOf(notes));
  }

  private static Verdict withNotes(Verdict v, List<Reason> notes) {
    List<Reason> all = new ArrayList<>(v.reasons());
    all.addAll(notes);
    return switch (v) {
      case Verdict.Publish p -> new Verdict.Publish(List.copyOf(all));
      case Verdict.Hold h -> new Verdict.Hold(List.copyOf(all));
      case Verdict.Reject r -> new Verdict.Reject(List.copyOf(all));
    };
  }
}
