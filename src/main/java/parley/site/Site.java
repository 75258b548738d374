package parley.site;

import java.time.Instant;
import java.util.List;

/** A publisher's site: its comments may be embedded from {@code origins} only. */
public record Site(String id, String name, List<String> origins, Instant createdAt) {

  /** True when a browser at {@code origin} may call the API for this site. */
  public boolean allowsOrigin(String origin) {
    return origins.contains("*") || origins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
  }
}
