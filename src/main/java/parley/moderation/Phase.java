package parley.moderation;

/** One rule of the pipeline. Phases are built with the settings they need and read only the submission. */
@FunctionalInterface
public interface Phase {
  Outcome evaluate(Submission submission);
}
