package parley.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import parley.analysis.ApiKey;
import parley.analysis.ApiKeyStore;
import parley.analysis.UsageCounter;
import parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley apikey create|list|revoke}: keys for the Perspective-compatible API (/v1alpha1). */
@Command(name = "apikey", mixinStandardHelpOptions = true,
    description = "Manage API keys for the Perspective-compatible analysis API.",
    subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
public final class ApiKeyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it (only this once).")
  static final class Create implements Callable<Integer> {
    @Mixin StoreOptions database;

    @Option(names = "--name", required = true, description = "Who uses the key, e.g. coral")
    String name;

    @Option(names = "--qps", defaultValue = "50", description = "Requests per second allowed (default ${DEFAULT-VALUE})")
    int qps;

    @Override
    public Integer call() throws Exception {
      try (Database db = database.open()) {
        ApiKey.Created created = new ApiKeyStore(db, java.time.Clock.systemUTC()).create(name, qps);
        System.err.println("API key " + created.key().id() + " '" + name + "' (" + qps + " requests/s). "
            + "Store it now: Parley keeps only its hash.");
        System.out.println(created.secret());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys with their usage counts.")
  static final class ListKeys implements Callable<Integer> {
    @Mixin StoreOptions database;

    @Override
    public Integer call() throws Exception {
      try (Database db = database.open()) {
        List<ApiKey> keys = new ApiKeyStore(db, java.time.Clock.systemUTC()).all();
        System.out.printf("%-4s %-16s %-12s %5s %-8s %-20s %s%n", "id", "name", "key", "qps", "state", "created", "usage");
        for (ApiKey k : keys) {
          Map<String, Long> usage = UsageCounter.stored(db, k.id());
          System.out.printf("%-4d %-16s %-12s %5d %-8s %-20s %s%n", k.id(), k.name(), k.prefix() + "…", k.qps(),
              k.active() ? "active" : "revoked", k.created().toString().substring(0, 19), usage.isEmpty() ? "-" : usage);
        }
        if (keys.isEmpty()) System.err.println("no keys yet: parley apikey create --name NAME --qps 50");
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a key by id or name; running servers refuse it within 5 seconds.")
  static final class Revoke implements Callable<Integer> {
    @Mixin StoreOptions database;

    @Parameters(paramLabel = "ID|NAME", description = "The key's id or name (as apikey list shows)")
    String which;

    @Override
    public Integer call() throws Exception {
      try (Database db = database.open()) {
        ApiKeyStore store = new ApiKeyStore(db, java.time.Clock.systemUTC());
        List<ApiKey> matches = store.findByNameOrId(which).stream().filter(ApiKey::active).toList();
        if (matches.size() != 1) {
          System.err.println(matches.isEmpty() ? "no active key with id or name '" + which + "'"
              : "several active keys are named '" + which + "': revoke by id");
          return 1;
        }
        store.revoke(matches.getFirst().id());
        System.err.println("revoked key " + matches.getFirst().id() + " '" + matches.getFirst().name() + "'");
      }
      return 0;
    }
  }
}
