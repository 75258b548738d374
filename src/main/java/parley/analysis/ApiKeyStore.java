package parley.analysis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.kit.Tokens;
import parley.store.Database;

/** SQL for API keys. Keys are looked up by the hash of the secret the client sends. */
public final class ApiKeyStore {
  /** Marks Parley keys in logs and secret scanners, like Google's "AIza". */
  static final String SECRET_PREFIX = "prl_";

  private static final RowMapper<ApiKey> KEY = (rs, ctx) -> {
    long revokedAt = rs.getLong("revoked_at");
    Instant revoked = rs.wasNull() ? null : Instant.ofEpochMilli(revokedAt);
    return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), rs.getInt("qps"),
        Instant.ofEpochMilli(rs.getLong("created_at")), revoked);
  };

  private final Database db;

  private final Clock clock;

  public ApiKeyStore(Database db, Clock clock) {
    this.clock = clock;
    this.db = db;
  }

  public ApiKey.Created create(String name, int qps) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a key needs a name");
    if (qps < 1) throw new IllegalArgumentException("qps must be at least 1");
    String secret = SECRET_PREFIX + Tokens.newToken();
    long id = db.write(h -> h.createUpdate("""
            INSERT INTO analysis_keys (name, key_prefix, key_hash, qps, created_at)
            VALUES (:name, :prefix, :hash, :qps, :now)""")
        .bind("name", name.trim())
        .bind("prefix", secret.substring(0, SECRET_PREFIX.length() + 6))
        .bind("hash", Tokens.sha256(secret))
        .bind("qps", qps)
        .bind("now", clock.millis())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
    return new ApiKey.Created(find(id).orElseThrow(), secret);
  }

  public Optional<ApiKey> find(long id) {
    return db.read(h -> h.createQuery("SELECT * FROM analysis_keys WHERE id = :id").bind("id", id).map(KEY).findOne());
  }

  /** The key whose secret is {@code secret}, revoked or not. */
  public Optional<ApiKey> findBySecret(String secret) {
    return db.read(h -> h.createQuery("SELECT * FROM analysis_keys WHERE key_hash = :hash")
        .bind("hash", Tokens.sha256(secret)).map(KEY).findOne());
  }

  /** Keys matching a name or an id (the CLI accepts either). */
  public List<ApiKey> findByNameOrId(String nameOrId) {
    return db.read(h -> h.createQuery("SELECT * FROM analysis_keys WHERE name = :name OR CAST(id AS TEXT) = :name ORDER BY id")
        .bind("name", nameOrId).map(KEY).list());
  }

  public List<ApiKey> all() {
    return db.read(h -> h.createQuery("SELECT * FROM analysis_keys ORDER BY id").map(KEY).list());
  }

  /** Revokes the key; true when it was active. */
  public boolean revoke(long id) {
    return db.write(h -> h.createUpdate("UPDATE analysis_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id).bind("now", clock.millis()).execute()) > 0;
  }
}
