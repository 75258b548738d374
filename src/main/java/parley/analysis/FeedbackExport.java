package parley.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import parley.kit.Tokens;
import parley.store.Database;
import parley.kit.Json;

/**
 * Moderators' verdicts from {@code comments:suggestscore} as labelled examples in the datasets schema (see
 * ../shared/datasets/README.md): {@code parley feedback export} writes them as JSONL and {@code parley train
 * --feedback} can read them with {@link #read}. Verdicts on the same comment (same key, community and clientToken)
 * merge into one example, the latest verdict per label winning; verdicts stored without text are skipped.
 * Labels: value ≥ 0.5 → 1, else 0, under the category key of the attribute (TOXICITY → toxic, IDENTITY_ATTACK →
 * hate, INSULT → insult, PROFANITY → obscene, THREAT → threat, SPAM → spam); SEVERE_TOXICITY only ever adds
 * toxic = 1 (not severe says nothing about toxic). Splits use the datasets' rule on {@code "parley_feedback:" + id}.
 */
public final class FeedbackExport {
  public static final String DATASET = "parley_feedback";

  /** One labelled comment, field for field the datasets schema. */
  public record Example(String id, String text, String split, Map<String, Integer> labels, Map<String, Object> meta) {}

  private FeedbackExport() {}

  public static List<Example> read(Database db) {
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Map<String, Object>> rows = db.read(h -> h.createQuery("""
            SELECT f.*, k.name AS key_name FROM analysis_feedback f JOIN analysis_keys k ON k.id = f.key_id
            ORDER BY f.id""").mapToMap().list());
    for (Map<String, Object> row : rows) {
      String token = (String) row.get("client_token");
      long keyId = ((Number) row.get("key_id")).longValue();
      String id = token == null
          ? "k" + keyId + ":row" + row.get("id")
          : "k" + keyId + ":" + (row.get("community_id") == null ? "" : row.get("community_id")) + ":" + token;
      groups.computeIfAbsent(id, Group::new).add(row);
    }
    List<Example> out = new ArrayList<>();
    for (Group g : groups.values()) {
      if (g.text != null && !g.labels.isEmpty()) out.add(g.example());
    }
    return out;
  }

  /** The feedback as the classifier's training examples (for {@code parley train --feedback}). */
  public static List<parley.classify.train.Example> trainingExamples(Database db) {
    return read(db).stream().map(e -> {
      Map<parley.classify.Category, Integer> labels = new java.util.EnumMap<>(parley.classify.Category.class);
      e.labels().forEach((key, value) -> labels.put(parley.classify.Category.fromKey(key), value));
      return new parley.classify.train.Example(DATASET, e.id(), e.text(),
          parley.classify.train.Split.fromKey(e.split()), labels, Map.of());
    }).toList();
  }

  /** The same, reading the database at {@code jdbcUrl} (migrating it if needed). */
  public static List<parley.classify.train.Example> trainingExamples(String jdbcUrl) {
    try (Database db = Database.open(jdbcUrl)) {
      return trainingExamples(db);
    }
  }

  /** Writes every example as one JSON line; returns how many. */
  public static int writeJsonl(Database db, Writer out) {
    List<Example> examples = read(db);
    try {
      for (Example e : examples) {
        out.write(Json.MAPPER.writeValueAsString(e));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return examples.size();
  }

  /** The datasets' deterministic split: sha256 bucket 0–7 train, 8 dev, 9 test. */
  public static String split(String id) {
    int bucket = (int) (Long.parseLong(Tokens.sha256(DATASET + ":" + id).substring(0, 8), 16) % 10);
    return bucket < 8 ? "train" : bucket == 8 ? "dev" : "test";
  }

  private static final class Group {
    final String id;
    String text;
    final Map<String, Integer> labels = new TreeMap<>();
    final Map<String, Object> meta = new LinkedHashMap<>();
    final Map<String, Double> values = new TreeMap<>();

    Group(String id) {
      this.id = id;
    }

    void add(Map<String, Object> row) {
      if (row.get("text") != null) text = (String) row.get("text");
      String name = (String) row.get("attribute");
      double value = ((Number) row.get("value")).doubleValue();
      values.put(name, value);
      Attribute.byName(name).ifPresent(a -> {
        int label = value >= 0.5 ? 1 : 0;
        if (a != Attribute.SEVERE_TOXICITY) labels.put(a.category().key(), label);
        else if (label == 1) labels.put(a.category().key(), 1);
      });
      meta.put("key", row.get("key_name"));
      meta.put("communityId", row.get("community_id"));
      meta.put("clientToken", row.get("client_token"));
      meta.put("language", row.get("language"));
      meta.put("suggested", values);
      meta.put("time", Instant.ofEpochMilli(((Number) row.get("created_at")).longValue()).toString());
    }

    Example example() {
      return new Example(id, text, split(id), labels, meta);
    }
  }
}
