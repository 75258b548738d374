package parley.analysis;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import parley.store.Database;

/** The installation's API keys with the usage stored for each, for the admins' settings page. Thread-safe. */
public final class ApiKeys {
  private final Database db;
  private final ApiKeyStore keys;

  public ApiKeys(Database db, Clock clock) {
    this.db = db;
    this.keys = new ApiKeyStore(db, clock);
  }

  /** A key and its stored usage per metric. */
  public record WithUsage(ApiKey key, Map<String, Long> usage) {}

  public List<WithUsage> all() {
    return keys.all().stream().map(k -> new WithUsage(k, UsageCounter.stored(db, k.id()))).toList();
  }
}
