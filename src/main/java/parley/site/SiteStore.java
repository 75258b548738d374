package parley.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.store.Database;

/** SQL for sites. */
public final class SiteStore {
  private static final RowMapper<Site> SITE = (rs, ctx) -> new Site(
      rs.getString("id"),
      rs.getString("name"),
      Arrays.stream(rs.getString("origins").split(" ")).filter(s -> !s.isBlank()).toList(),
      Instant.ofEpochMilli(rs.getLong("created_at")),
      Set.copyOf(words(rs.getString("page_params"))));

  private static List<String> words(String spaced) {
    return Arrays.stream(spaced.split(" ")).filter(s -> !s.isBlank()).toList();
  }

  private final Database db;

  private final Clock clock;

  public SiteStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  public Optional<Site> find(String id) {
    return db.read(h -> h.createQuery("SELECT * FROM sites WHERE id = :id").bind("id", id).map(SITE).findOne());
  }

  public List<Site> all() {
    return db.read(h -> h.createQuery("SELECT * FROM sites ORDER BY id").map(SITE).list());
  }

  /** Creates the site, or replaces its name and origins. */
  public Site upsert(String id, String name, List<String> origins) {
    db.write(h -> h.createUpdate("""
            INSERT INTO sites (id, name, origins, created_at) VALUES (:id, :name, :origins, :now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, origins = excluded.origins""")
        .bind("id", id)
        .bind("name", name)
        .bind("origins", String.join(" ", origins))
        .bind("now", clock.millis())
        .execute());
    return find(id).orElseThrow();
  }

  /** Replaces the query parameters that tell the site's pages apart; false if there is no such site. */
  public boolean setPageParams(String id, Set<String> params) {
    return db.write(h -> h.createUpdate("UPDATE sites SET page_params = :params WHERE id = :id")
        .bind("params", String.join(" ", params.stream().sorted().toList())).bind("id", id).execute()) > 0;
  }
}
