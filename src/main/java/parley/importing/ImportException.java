package parley.importing;

/** Input that cannot be imported; the message names the line, column and record. */
public final class ImportException extends RuntimeException {
  private final Location at;

  public ImportException(String problem, Location at, String record) {
    this(problem, at, record, null);
  }

  public ImportException(String problem, Location at, String record, Throwable cause) {
    super((at == null ? "" : at + ": ") + problem + (record == null ? "" : " (in " + record + ")"), cause);
    this.at = at;
  }

  /** Where the problem is, or null when not known. */
  public Location at() {
    return at;
  }
}
