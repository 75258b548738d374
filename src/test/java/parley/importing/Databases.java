package parley.importing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import parley.site.SiteStore;
import parley.store.Database;
import parley.store.Dialect;

/** Both dialects' databases for one test class, opened lazily and closed together; fresh site ids per test. */
public final class Databases implements AutoCloseable {
  private static final AtomicInteger SITES = new AtomicInteger();
  private final Map<Dialect, TestDatabase> open = new EnumMap<>(Dialect.class);

  public synchronized Database get(Dialect dialect) {
    return open.computeIfAbsent(dialect, TestDatabase::open).db();
  }

  /** Creates a site with a new id in the given database. */
  public String newSite(Dialect dialect) {
    String id = "site" + SITES.incrementAndGet();
    new SiteStore(get(dialect), java.time.Clock.systemUTC()).upsert(id, id, java.util.List.of("https://blog.example.org"));
    return id;
  }

  @Override
  public synchronized void close() {
    open.values().forEach(TestDatabase::close);
    open.clear();
  }
}
