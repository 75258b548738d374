package parley.site;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A publisher's site: its comments may be embedded from {@code origins} only.
 *
 * @param pageParams the query parameters that tell one of its pages from another (all others are not part of a page's
 *     thread key)
 */
public record Site(String id, String name, List<String> origins, Instant createdAt, Set<String> pageParams) {

  /** True when a browser at {@code origin} may call the API for this site. */
  public boolean allowsOrigin(String origin) {
    return origins.contains("*") || origins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
  }
}
