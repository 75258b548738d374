package parley.account;

import java.time.Instant;
import java.util.Optional;
import parley.store.Database;

/** SQL for the profile columns of {@code accounts} (the auth feature owns the rest of the row). Thread-safe. */
final class ProfileStore {
  private final Database db;

  ProfileStore(Database db) {
    this.db = db;
  }

  /** A change to a profile: null fields stay as they are; {@code clearHue} goes back to the derived colour. */
  record Change(String name, Integer hue, boolean clearHue, Boolean notifyReplies) {}

  Optional<Profile> find(long accountId) {
    return db.read(h -> h.createQuery("""
            SELECT id, email, display_name, avatar_hue, notify_replies, created_at FROM accounts WHERE id = :id""")
        .bind("id", accountId)
        .map((rs, ctx) -> new Profile(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
            hue(rs.getInt("avatar_hue"), rs.wasNull()),
            rs.getInt("notify_replies") == 1, Instant.ofEpochMilli(rs.getLong("created_at"))))
        .findOne());
  }

  private static Integer hue(int value, boolean wasNull) {
    return wasNull ? null : value;
  }

  // one statement per field given, in one transaction: no NULL parameters whose type PostgreSQL would have to guess
  void update(long accountId, Change c) {
    db.write(h -> {
      if (c.name() != null) {
        h.createUpdate("UPDATE accounts SET display_name = :v WHERE id = :id").bind("v", c.name()).bind("id", accountId).execute();
      }
      if (c.clearHue()) {
        h.createUpdate("UPDATE accounts SET avatar_hue = NULL WHERE id = :id").bind("id", accountId).execute();
      } else if (c.hue() != null) {
        h.createUpdate("UPDATE accounts SET avatar_hue = :v WHERE id = :id").bind("v", c.hue().intValue()).bind("id", accountId).execute();
      }
      if (c.notifyReplies() != null) {
        h.createUpdate("UPDATE accounts SET notify_replies = :v WHERE id = :id")
            .bind("v", c.notifyReplies() ? 1 : 0).bind("id", accountId).execute();
      }
      return null;
    });
  }
}
