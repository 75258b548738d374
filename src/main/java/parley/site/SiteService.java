package parley.site;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sites, read through a short-lived cache: every API request checks its site and origin, and sites change
 * rarely. The TTL bounds how long another instance's change takes to be seen here.
 */
public final class SiteService {
  private static final long TTL_MILLIS = 10_000;

  private final SiteStore store;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private volatile List<Site> all;
  private volatile long allLoadedAt;

  private record Cached(Optional<Site> site, long loadedAt) {}

  private final Clock clock;

  public SiteService(SiteStore store, Clock clock) {
    this.clock = clock;
    this.store = store;
  }

  public Optional<Site> find(String id) {
    long now = clock.millis();
    Cached c = cache.get(id);
    if (c == null || now - c.loadedAt() > TTL_MILLIS) {
      c = new Cached(store.find(id), now);
      if (cache.size() > 10_000) cache.clear(); // unknown ids must not grow the cache without bound
      cache.put(id, c);
    }
    return c.site();
  }

  /** True when any site lets {@code origin} embed Parley; used for CORS preflight, before the site is known. */
  public boolean allowedAnywhere(String origin) {
    long now = clock.millis();
    if (all == null || now - allLoadedAt > TTL_MILLIS) {
      all = store.all();
      allLoadedAt = now;
    }
    return all.stream().anyMatch(s -> s.allowsOrigin(origin));
  }

  public Site upsert(String id, String name, List<String> origins) {
    Site site = store.upsert(id, name, origins);
    cache.remove(id);
    all = null;
    return site;
  }

  /** Replaces the query parameters that tell the site's pages apart (see {@link Site#pageParams()}). */
  public boolean setPageParams(String id, java.util.Set<String> params) {
    boolean found = store.setPageParams(id, params);
    cache.remove(id);
    return found;
  }

  public List<Site> all() {
    return store.all();
  }
}
