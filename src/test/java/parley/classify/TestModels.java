package parley.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import parley.moderation.Pipeline;
import parley.moderation.Policy;
import parley.moderation.Submission;
import parley.moderation.Verdict;
import parley.moderation.phase.Phases;

/** Shared fixtures: the committed model (loaded once), the live judge with the default policy, the dataset folder. */
final class TestModels {
  private static Classifier shipped;
  private static final Pipeline DEFAULT_POLICY = Phases.forPolicy(Policy.defaults());

  private TestModels() {}

  static synchronized Classifier shipped() {
    if (shipped == null) {
      try {
        shipped = Models.loadDefault();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shipped;
  }

  /** Judges {@code text} as a new comment by an author without history, as a site with the default policy would. */
  static Verdict judge(String text, Classification c) {
    return DEFAULT_POLICY.run(Submission.of(text).withClassification(c));
  }

  static Verdict judge(String text) {
    return judge(text, shipped().classify(text));
  }

  /** A JSON-lines fixture on the test class path, one parsed row per line (the parity files tools/finetune writes). */
  static java.util.List<com.fasterxml.jackson.databind.JsonNode> jsonLines(String resource) throws IOException {
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(TestModels.class.getResourceAsStream(resource),
        java.nio.charset.StandardCharsets.UTF_8))) {
      return jsonLines(in);
    }
  }

  /** A JSON-lines file of the repository (tools/finetune's training rows), one parsed row per non-blank line. */
  static java.util.List<com.fasterxml.jackson.databind.JsonNode> jsonLines(java.nio.file.Path file) throws IOException {
    try (var in = java.nio.file.Files.newBufferedReader(file)) {
      return jsonLines(in);
    }
  }

  private static java.util.List<com.fasterxml.jackson.databind.JsonNode> jsonLines(java.io.BufferedReader in)
      throws IOException {
    java.util.List<com.fasterxml.jackson.databind.JsonNode> rows = new java.util.ArrayList<>();
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isBlank()) rows.add(parley.kit.Json.MAPPER.readTree(line));
    }
    return rows;
  }

  static boolean published(Verdict v) {
    return v.kind() == Verdict.Kind.PUBLISH;
  }

  /**
   * {@code ../shared/datasets} relative to the project directory. A publisher's clone has none: training tests then
   * run on Parley's own hand-written augmentation set alone (in the repository), which the trainer falls back to.
   */
  static Path datasets() {
    return Path.of("..", "shared", "datasets").toAbsolutePath().normalize();
  }

  static boolean haveDatasets() {
    return Files.isDirectory(datasets().resolve("davidson2017"));
  }
}
