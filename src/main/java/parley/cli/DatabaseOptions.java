package parley.cli;

import java.io.IOException;
import java.nio.file.Path;
import parley.ParleyConfig;
import parley.store.Database;
import picocli.CommandLine.Option;

/** The options that locate Parley's database, for commands that work on it without serving (same as serve's). */
public final class DatabaseOptions {
  @Option(names = "--config", description = "Properties file with settings (see README).")
  Path configFile;

  @Option(names = "--data-dir", description = "Directory for the SQLite database (default ./data).")
  Path dataDir;

  @Option(names = "--database-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/parley?user=postgres")
  String databaseUrl;

  /** Opens (and migrates) the database that {@code parley serve} with the same options would use. */
  public Database open() throws IOException {
    ParleyConfig config = ParleyConfig.load(configFile, System.getenv());
    if (dataDir != null) config = config.withDataDir(dataDir);
    if (databaseUrl != null) config = config.withDatabaseUrl(databaseUrl);
    return Database.open(config.effectiveDatabaseUrl());
  }
}
