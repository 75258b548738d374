package parley.importing;

/** Receives the records a reader streams out of a file, in file order. */
public interface ImportSink {
  /** Records a reader leaves out on purpose; each is counted in the report. */
  enum Skip {
    /** WordPress pingbacks, trackbacks and plugins' notes (order notes): not readers' comments. */
    PINGBACK,
    /** A record with no id at all: it could not be updated by a later import, nor replied to. */
    NO_ID
  }

  void thread(ImportedThread thread);

  void post(ImportedPost post);

  /** Something the reader skipped or repaired; shown in the report. */
  default void warning(String message) {}

  default void skipped(Skip kind) {}
}
