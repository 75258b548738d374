package parley.importing;

/**
 * Settings of the admin upload: {@code import.max.upload.bytes}, and {@code max.comment.chars}, which imports obey
 * as live comments do.
 */
public record ImportConfig(long maxUploadBytes, ImportLimits limits) {
  public ImportConfig(long maxUploadBytes) {
    this(maxUploadBytes, ImportLimits.DEFAULT);
  }
}
