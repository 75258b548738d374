package parley.analysis;

import parley.testing.BothDatabases;
import parley.store.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.TestDatabases;
import parley.App;
import parley.ParleyConfig;
import parley.store.Database;

/** Many clients on one key at its quota: some get 429 RESOURCE_EXHAUSTED, and every request is counted exactly. */
class QuotaAndUsageTest {
  @TempDir Path dir;

  @BothDatabases
  void manyClientsOnOneKeyAtItsQuota(Dialect kind) throws Exception {
    try (TestDatabases.TestDb db = TestDatabases.create(kind)) {
      manyClientsOnOneKeyAtItsQuota(db.url());
    }
  }

  private void manyClientsOnOneKeyAtItsQuota(String databaseUrl) throws Exception {
    int clients = 32, perClient = 15, qps = 20;
    int ok = 0, throttled = 0;
    ApiKey key;
    ParleyConfig config = ParleyConfig.defaults().withPort(0).withDataDir(dir).withDatabaseUrl(databaseUrl).withDemo(false);
    try (AnalysisServer server = new AnalysisServer(config, App.Mode.FULL, qps)) {
      key = server.apiKey;
      List<Future<List<Integer>>> results = new ArrayList<>();
      try (var pool = Executors.newFixedThreadPool(clients)) {
        for (int c = 0; c < clients; c++) {
          results.add(pool.submit((Callable<List<Integer>>) () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
              var answer = server.post("analyze", "{\"comment\":{\"text\":\"you idiot\"},"
                  + "\"requestedAttributes\":{\"TOXICITY\":{},\"INSULT\":{}}}");
              if (answer.status() == 429) {
                assertThat(answer.body().at("/error/status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
              }
              statuses.add(answer.status());
            }
            return statuses;
          }));
        }
        for (var f : results) {
          for (int status : f.get()) {
            if (status == 200) ok++;
            else if (status == 429) throttled++;
            else throw new AssertionError("unexpected status " + status);
          }
        }
      }
      assertThat(throttled).as("some requests over the quota").isPositive();
      assertThat(ok).as("the bucket's burst at least").isGreaterThanOrEqualTo(qps);
    } // close() flushes the counters

    try (Database db = Database.open(databaseUrl)) {
      Map<String, Long> usage = UsageCounter.stored(db, key.id());
      assertThat(usage).containsEntry("requests", (long) ok).containsEntry("TOXICITY", (long) ok)
          .containsEntry("INSULT", (long) ok).containsEntry("throttled", (long) throttled);
    }
  }

  @Test
  void theBucketRefillsAtQps() {
    AtomicLong now = new AtomicLong(0);
    RateLimiter limiter = new RateLimiter(now::get);
    ApiKey key = new ApiKey(1, "k", "prl_", 10, java.time.Instant.EPOCH, null);
    int granted = 0;
    for (int i = 0; i < 25; i++) if (limiter.tryAcquire(key)) granted++;
    assertThat(granted).isEqualTo(10);
    now.addAndGet(500_000_000L); // half a second: five more
    granted = 0;
    for (int i = 0; i < 25; i++) if (limiter.tryAcquire(key)) granted++;
    assertThat(granted).isEqualTo(5);
    now.addAndGet(60_000_000_000L); // a minute idle refills only up to one second's worth
    granted = 0;
    for (int i = 0; i < 25; i++) if (limiter.tryAcquire(key)) granted++;
    assertThat(granted).isEqualTo(10);
  }
}
