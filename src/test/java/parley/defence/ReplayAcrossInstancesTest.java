package parley.defence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.moderation.Policy;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/** Two Parley instances on one PostgreSQL database: a challenge from one is accepted by the other, once. */
class ReplayAcrossInstancesTest {
  static TestDb db;
  static ModerationServer a, b;

  @BeforeAll
  static void start() {
    db = TestDatabases.postgres();
    a = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier());
    b = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier());
    Staff.create(a.app(), "pow-admin@example.org", ModerationServer.SITE, Role.ADMIN);
    a.app().moderation().updatePolicy(ModerationServer.SITE, Policy.permissive());
    As admin = a.login("pow-admin@example.org", Staff.PASSWORD);
    assertThat(a.send(admin, "PUT", "/api/v1/sites/news/defence", "{\"proofOfWork\":true,\"difficulty\":1000}")
        .status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
    if (db != null) db.close();
  }

  private static String body(String pow) {
    return "{\"site\":\"news\",\"page\":\"replay\",\"body\":\"Posted with proof of work.\",\"pow\":" + pow + "}";
  }

  private static String solvedOn(ModerationServer server) {
    return PowSolver.field(server.send(As.ANONYMOUS, "GET", "/api/v1/challenge?site=news", null).json().path("challenge"));
  }

  @Test
  void bothInstancesShareTheSecretAndTheSpentSolutions() {
    String pow = solvedOn(a);
    assertThat(b.send(As.reader("r1"), "POST", "/api/v1/comments", body(pow)).status()).isEqualTo(201);
    var replay = a.send(As.reader("r1"), "POST", "/api/v1/comments", body(pow));
    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.error()).isEqualTo("POW_REPLAYED");
  }

  @Test
  void ofManySimultaneousUsesOnBothInstancesExactlyOneWins() throws Exception {
    String pow = solvedOn(b);
    int tries = 12;
    ExecutorService pool = Executors.newFixedThreadPool(tries);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < tries; i++) {
      ModerationServer target = i % 2 == 0 ? a : b;
      String client = "racer-" + i;
      answers.add(pool.submit(() -> {
        go.await();
        return target.send(As.reader(client), "POST", "/api/v1/comments", body(pow)).status();
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) statuses.add(f.get());
    pool.shutdown();
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
  }
}
