package parley.analysis;

import parley.testing.BothDatabases;
import parley.store.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import parley.store.Database;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;
import parley.kit.Json;

/** Keys, usage counters and feedback on both SQLite and PostgreSQL (one fresh database of each for the class). */
class AnalysisStoreTest {
  static final Map<Dialect, TestDb> dbs = new java.util.EnumMap<>(Dialect.class);
  static final Map<Dialect, Database> opened = new java.util.EnumMap<>(Dialect.class);

  @AfterAll
  static void drop() {
    opened.values().forEach(Database::close);
    dbs.values().forEach(TestDb::close);
  }

  /** Each dialect's database, made on first use and shared by the class (a skipped PostgreSQL skips its runs). */
  static synchronized Database db(Dialect kind) {
    return opened.computeIfAbsent(kind, k -> {
      TestDb db = TestDatabases.create(k);
      dbs.put(k, db);
      return Database.open(db.url());
    });
  }

  @BothDatabases
  void keysAreStoredHashedAndCanBeRevoked(Dialect kind) {
    ApiKeyStore store = new ApiKeyStore(db(kind), java.time.Clock.systemUTC());
    ApiKey.Created created = store.create("coral", 50);
    assertThat(created.secret()).startsWith("prl_").hasSizeGreaterThan(40);
    assertThat(created.key().prefix()).isEqualTo(created.secret().substring(0, 10));
    assertThat(store.findBySecret(created.secret())).contains(created.key());
    assertThat(store.findBySecret(created.secret() + "x")).isEmpty();
    long storedPlain = db(kind).read(h -> h.createQuery("SELECT COUNT(*) FROM analysis_keys WHERE key_hash = :s")
        .bind("s", created.secret()).mapTo(Long.class).one());
    assertThat(storedPlain).isZero();

    assertThat(store.findByNameOrId(String.valueOf(created.key().id()))).extracting(ApiKey::name).contains("coral");
    assertThat(store.revoke(created.key().id())).isTrue();
    assertThat(store.revoke(created.key().id())).isFalse();
    assertThat(store.findBySecret(created.secret()).orElseThrow().active()).isFalse();
  }

  @BothDatabases
  void usageCountsAddUpAcrossFlushes(Dialect kind) {
    ApiKey key = new ApiKeyStore(db(kind), java.time.Clock.systemUTC()).create("usage", 10).key();
    try (UsageCounter usage = new UsageCounter(db(kind), java.time.Clock.systemUTC())) {
      for (int i = 0; i < 1000; i++) usage.add(key.id(), "requests", 1);
      usage.add(key.id(), "TOXICITY", 7);
      usage.flush();
      usage.add(key.id(), "requests", 5);
    } // close flushes the rest
    assertThat(UsageCounter.stored(db(kind), key.id())).containsExactlyInAnyOrderEntriesOf(
        Map.of("requests", 1005L, "TOXICITY", 7L));
  }

  @BothDatabases
  void feedbackExportsAsDatasetExamples(Dialect kind) throws Exception {
    Database db = db(kind);
    ApiKey key = new ApiKeyStore(db, java.time.Clock.systemUTC()).create("export-" + kind, 10).key();
    FeedbackStore store = new FeedbackStore(db, java.time.Clock.systemUTC());
    store.save(key, new SuggestRequest("approved then deleted", Map.of("TOXICITY", 0.0), "Coral:https://a", "comment:1",
        List.of("en"), false));
    store.save(key, new SuggestRequest("approved then deleted", Map.of("TOXICITY", 1.0, "INSULT", 1.0),
        "Coral:https://a", "comment:1", List.of("en"), false));
    store.save(key, new SuggestRequest("not stored", Map.of("TOXICITY", 1.0), "Coral:https://a", "comment:2",
        List.of(), true));
    store.save(key, new SuggestRequest("severe", Map.of("SEVERE_TOXICITY", 0.0, "IDENTITY_ATTACK", 1.0), null, null,
        List.of(), false));

    List<FeedbackExport.Example> examples = FeedbackExport.read(db).stream()
        .filter(e -> e.meta().get("key").equals("export-" + kind)).toList();
    assertThat(examples).hasSize(2);
    var first = examples.getFirst();
    assertThat(first.text()).isEqualTo("approved then deleted");
    assertThat(first.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("toxic", 1, "insult", 1));
    assertThat(first.split()).isIn("train", "dev", "test");
    assertThat(first.meta()).containsEntry("communityId", "Coral:https://a").containsEntry("clientToken", "comment:1");
    assertThat(examples.get(1).labels()).containsExactlyInAnyOrderEntriesOf(Map.of("hate", 1));

    var training = FeedbackExport.trainingExamples(db).stream().filter(e -> e.text().equals("approved then deleted"))
        .toList();
    assertThat(training).singleElement().satisfies(e -> {
      assertThat(e.dataset()).isEqualTo("parley_feedback");
      assertThat(e.labels()).containsEntry(parley.classify.Category.TOXIC, 1).containsEntry(parley.classify.Category.INSULT, 1);
    });

    StringWriter jsonl = new StringWriter();
    FeedbackExport.writeJsonl(db, jsonl);
    var line = Json.MAPPER.readTree(jsonl.toString().lines().filter(l -> l.contains("approved then deleted")).findFirst().orElseThrow());
    assertThat(line.fieldNames()).toIterable().containsExactly("id", "text", "split", "labels", "meta");
  }
}
