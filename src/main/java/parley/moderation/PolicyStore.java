package parley.moderation;

import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;
import parley.store.Database;
import parley.kit.Json;

/** Site policies as JSON text, one row per site; a site without a row uses {@link Policy#defaults()}. */
public final class PolicyStore {
  private final Database db;

  private final Clock clock;

  public PolicyStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  public Optional<Policy> find(String siteId) {
    return db.read(h -> h.createQuery("SELECT policy FROM site_policies WHERE site_id = :site")
        .bind("site", siteId).mapTo(String.class).findOne()).map(PolicyStore::parse);
  }

  public void save(String siteId, Policy policy) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(policy);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    db.write(h -> h.createUpdate("""
            INSERT INTO site_policies (site_id, policy, updated_at) VALUES (:site, :policy, :now)
            ON CONFLICT (site_id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at""")
        .bind("site", siteId).bind("policy", json).bind("now", clock.millis()).execute());
  }

  static Policy parse(String json) {
    try {
      return Json.MAPPER.readValue(json, Policy.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored policy is not valid JSON", e);
    }
  }
}
