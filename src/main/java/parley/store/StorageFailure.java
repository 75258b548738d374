package parley.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteException;

/**
 * Recognizes failures of the storage itself (as opposed to bugs) so they can be reported as such: a 503 to
 * clients, one line naming the path to an operator at start-up.
 */
public final class StorageFailure {
  private static final int PROBE_BYTES = 64 * 1024;

  private StorageFailure() {}

  /** Why the database cannot be written, when {@code e} or one of its causes says so. */
  public static Optional<String> reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StorageUnavailableException) return Optional.of(t.getMessage());
      if (t instanceof SQLiteException s) {
        switch (s.getResultCode().code & 0xFF) { // the primary code; extended codes add detail in the high bits
          case 13 -> { return Optional.of("the disk is full (SQLITE_FULL)"); }
          case 8 -> { return Optional.of("the database is read-only (SQLITE_READONLY)"); }
          case 10 -> { return Optional.of("an I/O error (SQLITE_IOERR)"); }
          case 14 -> { return Optional.of("the database file cannot be opened (SQLITE_CANTOPEN)"); }
          default -> { }
        }
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.equals("53100")) return Optional.of("the database server's disk is full");
        if (state.equals("25006")) return Optional.of("the database is read-only");
        if (state.startsWith("58")) return Optional.of("the database server has an I/O error");
      }
    }
    return Optional.empty();
  }

  /**
   * Makes sure the SQLite file's folder exists and takes writes before anything opens it, so that a read-only or
   * full disk is one clear sentence instead of a pool's stack trace.
   */
  static void requireWritable(Path databaseFile) {
    Path dir = databaseFile.toAbsolutePath().getParent();
    if (dir == null) return;
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StorageUnavailableException("The data directory " + dir + " is a file, not a directory.", null);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageUnavailableException("Cannot create the data directory " + dir + ": " + why(e), e);
    }
    if (Files.isDirectory(databaseFile)) {
      throw new StorageUnavailableException("The database file " + databaseFile + " is a directory.", null);
    }
    Path probe = dir.resolve(".parley-write-check");
    try {
      // a few pages' worth: a full disk often still takes an empty file
      Files.write(probe, new byte[PROBE_BYTES], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      Files.delete(probe);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // the probe could not be written in the first place
      }
      throw new StorageUnavailableException("The data directory " + dir + " is not writable: " + why(e), e);
    }
  }

  private static String why(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
