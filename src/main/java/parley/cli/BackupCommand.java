package parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.store.Backup;
import parley.store.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley backup --out FILE}: a consistent copy of the SQLite database, safe while the server runs. It opens the
 * file directly, without migrating it: a newer Parley must not upgrade a database an older server is using.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Copy the SQLite database to a new file while Parley runs (restore: stop, copy back, start).",
        "For PostgreSQL, prints the pg_dump command to use instead (exit code 2)."})
public final class BackupCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(names = "--out", required = true, description = "The backup file to create (must not exist yet).")
  Path out;

  @Override
  public Integer call() throws Exception {
    String url = store.config().effectiveDatabaseUrl();
    return switch (Dialect.of(url)) {
      case SQLITE -> {
        Backup.Result r = Backup.sqlite(url, out);
        System.out.printf("Backed up to %s (%,d bytes; schema version %s; %,d comments; integrity ok)%n",
            r.file(), r.bytes(), r.schemaVersion(), r.comments());
        yield 0;
      }
      case POSTGRESQL -> {
        System.err.println("""
            Parley does not copy PostgreSQL databases itself; pg_dump makes a consistent backup while Parley runs:
              %s
            (give the password through PGPASSWORD or ~/.pgpass). Restore into an empty database with
              pg_restore --no-owner --dbname=<that database> '%s'
            Nothing was written.""".formatted(Backup.pgDumpCommand(url, out), out));
        yield 2;
      }
    };
  }
}
