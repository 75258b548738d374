package parley.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import parley.kit.Json;
import parley.store.Database;
import parley.store.Dialect;

/**
 * The durable outbox table: rows are added inside the caller's transaction and claimed, leased and settled by
 * {@link OutboxWorker}. Thread-safe; see the package doc for the guarantees.
 */
public final class Outbox {
  private final Database db;
  private final Clock clock;

  public Outbox(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Adds an email inside the caller's transaction. */
  public void enqueue(Handle h, Email email) {
    enqueue(h, OutboxKind.EMAIL, json(email), null);
  }

  /**
   * Adds a row inside the caller's transaction. A non-null {@code dedupeKey} that is already in the table adds
   * nothing (two instances, or one event seen twice); returns whether the row was added.
   */
  public boolean enqueue(Handle h, OutboxKind kind, String payload, String dedupeKey) {
    Database.requireTransaction(h);
    long now = clock.millis();
    return h.createUpdate("""
            INSERT INTO outbox (kind, payload, dedupe_key, state, attempts, next_attempt_at, created_at)
            VALUES (:kind, :payload, :dedupe, 'pending', 0, :now, :now)
            ON CONFLICT (dedupe_key) DO NOTHING""")
        .bind("kind", kind.name()).bind("payload", payload).bind("dedupe", dedupeKey).bind("now", now)
        .execute() == 1;
  }

  public static String json(Object payload) {
    try {
      return Json.MAPPER.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Takes up to {@code limit} due rows of the given kinds for {@code owner} until now + {@code lease}: pending rows
   * whose time has come and sending rows whose lease ran out (their sender died). One statement, so two claimers
   * never get the same row: PostgreSQL skips rows another claimer has locked, SQLite runs one writer at a time.
   */
  List<OutboxItem> claim(String owner, Collection<OutboxKind> kinds, Duration lease, int limit) {
    return claim(owner, kinds, lease, limit, Integer.MAX_VALUE);
  }

  /**
   * As above; a row whose sender died during each of {@code maxAttempts} tries (a message that kills the process,
   * say) is marked failed instead of being taken again.
   */
  List<OutboxItem> claim(String owner, Collection<OutboxKind> kinds, Duration lease, int limit, int maxAttempts) {
    if (kinds.isEmpty()) return List.of();
    long now = clock.millis();
    String kindList = kinds.stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    String lock = db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    return db.write(h -> {
      h.createUpdate("""
              UPDATE outbox SET state = 'failed', lease_owner = NULL, lease_until = NULL,
                last_error = 'the sender stopped during every try'
              WHERE state = 'sending' AND lease_until <= :now AND attempts >= :max""")
          .bind("now", now).bind("max", maxAttempts).execute();
      return h.createQuery("""
              UPDATE outbox SET state = 'sending', lease_owner = :owner, lease_until = :until, attempts = attempts + 1
              WHERE id IN (SELECT id FROM outbox WHERE kind IN (%s)
                  AND ((state = 'pending' AND next_attempt_at <= :now) OR (state = 'sending' AND lease_until <= :now))
                  ORDER BY id LIMIT :limit%s)
              RETURNING id, kind, payload, attempts""".formatted(kindList, lock))
          .bind("owner", owner).bind("until", now + lease.toMillis()).bind("now", now).bind("limit", limit)
          .map((rs, ctx) -> new OutboxItem(rs.getLong("id"), OutboxKind.valueOf(rs.getString("kind")),
              rs.getString("payload"), rs.getInt("attempts")))
          .list();
    });
  }

  /** Settles a row this owner still holds; false when its lease was lost to another instance meanwhile. */
  boolean settle(long id, String owner, OutboxState state, Duration retryIn, String error) {
    long now = clock.millis();
    return db.write(h -> h.createUpdate("""
            UPDATE outbox SET state = :state, lease_owner = NULL, lease_until = NULL, last_error = :error,
              next_attempt_at = :next, sent_at = CASE WHEN :state = 'sent' THEN :now ELSE sent_at END
            WHERE id = :id AND lease_owner = :owner AND state = 'sending'""")
        .bind("state", state.key()).bind("error", error == null ? null : truncate(error))
        .bind("next", now + (retryIn == null ? 0 : retryIn.toMillis())).bind("now", now)
        .bind("id", id).bind("owner", owner).execute() == 1);
  }

  /** Deletes sent rows settled more than {@code keep} ago (failed rows stay for an operator to read); returns how many. */
  public int purgeSent(Duration keep) {
    long before = clock.millis() - keep.toMillis();
    return db.write(h -> h.createUpdate("DELETE FROM outbox WHERE state = 'sent' AND sent_at < :before")
        .bind("before", before).execute());
  }

  private static String truncate(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  /** Rows per state, for metrics and tests. */
  public Map<OutboxState, Integer> counts() {
    return db.read(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state")
        .map((rs, ctx) -> Map.entry(OutboxState.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)), rs.getInt("n")))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
