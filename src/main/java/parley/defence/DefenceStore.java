package parley.defence;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import parley.kit.Json;
import parley.store.Database;

/** SQL for spam defence: settings per site (JSON) and the one proof-of-work secret all instances sign with. */
public final class DefenceStore {
  private final Database db;
  private final Clock clock;

  public DefenceStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Optional<DefenceSettings> find(String siteId) {
    return db.read(h -> h.createQuery("SELECT settings FROM site_defence WHERE site_id = :site")
        .bind("site", siteId).mapTo(String.class).findOne()).map(DefenceStore::parse);
  }

  public void save(String siteId, DefenceSettings settings) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    db.write(h -> h.createUpdate("""
            INSERT INTO site_defence (site_id, settings, updated_at) VALUES (:site, :settings, :now)
            ON CONFLICT (site_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at""")
        .bind("site", siteId).bind("settings", json).bind("now", clock.millis()).execute());
  }

  /** The installation's signing secret; the first instance to start makes it, the others read that one. */
  public byte[] secret() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    String stored = db.write(h -> {
      h.createUpdate("INSERT INTO defence_secret (id, secret) VALUES (1, :s) ON CONFLICT (id) DO NOTHING")
          .bind("s", Base64.getEncoder().encodeToString(fresh)).execute();
      return h.createQuery("SELECT secret FROM defence_secret WHERE id = 1").mapTo(String.class).one();
    });
    return Base64.getDecoder().decode(stored);
  }

  private static DefenceSettings parse(String json) {
    try {
      return Json.MAPPER.readValue(json, DefenceSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored defence settings are not valid JSON", e);
    }
  }
}
