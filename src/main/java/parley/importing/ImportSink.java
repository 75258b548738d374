package parley.importing;

/** Receives the records a reader streams out of a file, in file order. */
public interface ImportSink {
  void thread(ImportedThread thread);

  void post(ImportedPost post);

  /** Something the reader skipped or repaired; shown in the report. */
  default void warning(String message) {}
}
