package parley.importing;

import java.util.Map;
import java.util.Properties;

/**
 * Settings of the admin upload: {@code import.max.upload.bytes} in the properties file or
 * {@code PARLEY_IMPORT_MAX_UPLOAD_BYTES} in the environment (default 512 MiB).
 */
public record ImportConfig(long maxUploadBytes) {
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L * 1024 * 1024;

  public static ImportConfig defaults() {
    return new ImportConfig(DEFAULT_MAX_UPLOAD_BYTES);
  }

  /** The file's value, overridden by the environment's. */
  public static ImportConfig from(Properties file, Map<String, String> env) {
    String value = env.getOrDefault("PARLEY_IMPORT_MAX_UPLOAD_BYTES",
        file.getProperty("import.max.upload.bytes", String.valueOf(DEFAULT_MAX_UPLOAD_BYTES)));
    return new ImportConfig(Long.parseLong(value.strip()));
  }
}
