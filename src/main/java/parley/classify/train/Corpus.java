package parley.classify.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.classify.Category;
import parley.classify.SpanLexicon;

/** Reads the normalized JSONL datasets described in {@code ../shared/datasets/README.md}. */
public final class Corpus {
  /** Sources whose licence lets Parley ship a model trained on them (MIT, CC BY, CC0). */
  public static final List<String> SHIPPABLE = List.of("davidson2017", "hatexplain", "implicit_hate", "youtube_spam",
      "jigsaw_toxic_subset", "civil_comments_ccc", "toxic_spans", "fox_news_comments");
  /**
   * Reader comments under news articles, the domain Parley serves. None annotates spam, but they are comments that
   * raters judged as discussion: they teach the spam head that long, civil, on-topic text is not promotion (its only
   * spam data is YouTube's, where length and register alone separate the classes).
   */
  public static final List<String> NEWS = List.of("civil_comments_ccc", "toxic_spans", "fox_news_comments");
  /** Non-commercial, share-alike or unverified licences: research model and evaluation only. */
  public static final List<String> RESEARCH_ONLY = List.of("olid", "hateval2019", "stormfront", "gab_hate_corpus");
  /** Parley's own hand-written supplement (short threats, news-sense violence, clean short comments). */
  public static final String AUGMENT = "parley_augment";
  public static final String AUGMENT_RESOURCE = "/parley/augment/parley_augment.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Corpus() {}

  /** Same rule as the shared datasets without an official split: bucket 0–7 train, 8 dev, 9 test. */
  static Split hashSplit(String key) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long v = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
      int bucket = (int) (v % 10);
      return bucket <= 7 ? Split.TRAIN : bucket == 8 ? Split.DEV : Split.TEST;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean exists(Path dataDir, String name) {
    return Files.isRegularFile(dataDir.resolve(name).resolve(name + ".jsonl"));
  }

  public static List<Example> readDataset(Path dataDir, String name) throws IOException {
    Path file = dataDir.resolve(name).resolve(name + ".jsonl");
    if (!Files.isRegularFile(file)) throw new IOException("dataset file missing: " + file.toAbsolutePath());
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name);
    }
  }

  public static List<Example> readAugmentation() throws IOException {
    try (InputStream in = Corpus.class.getResourceAsStream(AUGMENT_RESOURCE)) {
      if (in == null) throw new IOException("augmentation resource missing: " + AUGMENT_RESOURCE);
      return read(in, AUGMENT);
    }
  }

  /** The dataset whose rows carry raters' character spans ({@code meta.spans}). */
  public static final String TOXIC_SPANS = "toxic_spans";

  /** toxic_spans rows of one split with their marked ranges; empty when the dataset is absent. */
  public static List<SpanLexicon.Marked> readMarked(Path dataDir, Split split) throws IOException {
    Path file = dataDir.resolve(TOXIC_SPANS).resolve(TOXIC_SPANS + ".jsonl");
    if (!Files.isRegularFile(file)) return List.of();
    List<SpanLexicon.Marked> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      JsonNode n = JSON.readTree(line);
      if (!split.key().equals(n.path("split").asText())) continue;
      List<int[]> spans = new ArrayList<>();
      for (JsonNode s : n.path("meta").path("spans")) spans.add(new int[] {s.path(0).asInt(), s.path(1).asInt()});
      out.add(new SpanLexicon.Marked(n.path("text").asText(""), spans));
    }
    return out;
  }

  static List<Example> read(InputStream in, String name) throws IOException {
    List<Example> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      if (line.isBlank()) continue;
      JsonNode n = JSON.readTree(line);
      Map<Category, Integer> labels = new EnumMap<>(Category.class);
      Map<String, Integer> raw = new LinkedHashMap<>();
      n.path("labels").properties().forEach(e -> {
        int v = e.getValue().asInt();
        raw.put(e.getKey(), v);
        for (Category c : Category.values()) if (c.key().equals(e.getKey())) labels.put(c, v);
      });
      if (NEWS.contains(name)) labels.putIfAbsent(Category.SPAM, 0);
      String id = n.path("id").asText();
      Split split = n.hasNonNull("split") ? split(n.get("split").asText(), name, id) : hashSplit(name + ":" + id);
      out.add(new Example(name, id, n.path("text").asText(""), split, labels, raw));
    }
    return out;
  }

  /** A row's split; an unknown name fails the read rather than leaving the row out of train, dev and test. */
  private static Split split(String key, String name, String id) throws IOException {
    try {
      return Split.fromKey(key);
    } catch (IllegalArgumentException e) {
      throw new IOException(name + " row " + id + ": split '" + key + "' is not train, dev or test");
    }
  }
}
