package parley.importing;

/** Where a record starts in the input file, for warnings and errors. */
public record Location(long line, long column) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
