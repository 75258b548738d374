package parley.cli;

import java.io.IOException;
import java.nio.file.Path;
import parley.ParleyConfig;
import parley.importing.StartupRepairs;
import parley.store.Database;
import picocli.CommandLine.Option;

/** The options every command that opens the database shares; resolved like {@code parley serve} does. */
public final class StoreOptions {
  @Option(names = "--config", description = "Properties file with settings (see README).")
  Path configFile;

  @Option(names = "--data-dir", description = "Directory for the SQLite database (default ./data).")
  Path dataDir;

  @Option(names = "--database-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/parley?user=postgres")
  String databaseUrl;

  public ParleyConfig config() throws IOException {
    ParleyConfig config = ParleyConfig.load(configFile, System.getenv());
    if (dataDir != null) config = config.withDataDir(dataDir);
    if (databaseUrl != null) config = config.withDatabaseUrl(databaseUrl);
    return config;
  }

  /** Opens (and migrates) the configured database. */
  public Database open() throws IOException {
    Database db = Database.open(config().effectiveDatabaseUrl());
    try {
      StartupRepairs.run(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }
}
