package parley.store;

/** The database cannot be written: disk full, read-only file or folder, an I/O error. The message names the path. */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
