package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import parley.store.Database;
import parley.store.Dialect;
import parley.testing.BothDatabases;
import parley.testing.MutableClock;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/** Suspensions are bans with an end: they lapse on the clock by themselves; a permanent ban is never shortened. */
class SuspensionExpiryTest {
  static final List<String> KEYS = List.of("client:abc", "ip:def");

  @BothDatabases
  void aSuspensionLapsesByItselfWhenItsTimeIsUp(Dialect dialect) {
    try (TestDb tdb = TestDatabases.create(dialect); Database db = Database.open(tdb.url())) {
      MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
      BanStore bans = new BanStore(db, clock);
      site(db);
      Instant until = clock.instant().plus(Duration.ofHours(24));
      db.write(h -> {
        bans.ban(h, "news", KEYS, "Troll", "spam", null, until);
        return null;
      });
      BanStore.Ban ban = bans.active("news", List.of("ip:def")).orElseThrow();
      assertThat(ban.suspension()).isTrue();
      assertThat(ban.expiresAt()).isEqualTo(until);
      assertThat(ban.reason()).isEqualTo("spam");
      assertThat(bans.list("news")).hasSize(2);
      clock.advance(Duration.ofHours(24).minusMillis(1));
      assertThat(bans.isBanned("news", KEYS)).isTrue();
      clock.advance(Duration.ofMillis(1));
      assertThat(bans.isBanned("news", KEYS)).isFalse();
      assertThat(bans.list("news")).isEmpty();
    }
  }

  @BothDatabases
  void aBanReplacesASuspensionButASuspensionNeverShortensABan(Dialect dialect) {
    try (TestDb tdb = TestDatabases.create(dialect); Database db = Database.open(tdb.url())) {
      MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
      BanStore bans = new BanStore(db, clock);
      site(db);
      db.write(h -> {
        bans.ban(h, "news", KEYS, "Troll", "first", null, clock.instant().plus(Duration.ofDays(7)));
        bans.ban(h, "news", KEYS, "Troll", "for good", null, null);
        bans.ban(h, "news", KEYS, "Troll", "later", null, clock.instant().plus(Duration.ofHours(1)));
        return null;
      });
      clock.advance(Duration.ofDays(30));
      BanStore.Ban ban = bans.active("news", KEYS).orElseThrow();
      assertThat(ban.suspension()).isFalse();
      assertThat(ban.reason()).isEqualTo("for good");
    }
  }

  private static void site(Database db) {
    db.write(h -> h.createUpdate("INSERT INTO sites (id, name, created_at) VALUES ('news', 'News', 0)").execute());
  }
}
