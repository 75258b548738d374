package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.classify.train.FunctionalChecks;

/**
 * The shipped model on the hand-written functional checks, judged by the live pipeline with the default site policy. The floors are the shipped
 * model's measured pass rates (model card) rounded down: a retrained model that does worse fails here.
 */
class FunctionalChecksTest {
  @ParameterizedTest
  @EnumSource(Stage.class)
  void shippedModelHandlesMostChecksAsANewsroomWould(Stage stage) {
    Map<String, int[]> byFunctionality = FunctionalChecks.run(TestModels.shipped(), stage,
        (text, c) -> !TestModels.published(TestModels.judge(text, c)));
    int checks = byFunctionality.values().stream().mapToInt(v -> v[0]).sum();
    int passed = byFunctionality.values().stream().mapToInt(v -> v[1]).sum();
    assertThat(checks).isEqualTo(FunctionalChecks.items().size());
    assertThat(passed / (double) checks).isGreaterThanOrEqualTo(stage == Stage.FAST ? FAST_FLOOR : ACCURATE_FLOOR);
    Map<String, Double> floors = new java.util.HashMap<>(NEWS_FAMILY_FLOORS);
    if (stage == Stage.ACCURATE) floors.putAll(ACCURATE_THREAT_FLOORS);
    if (stage == Stage.ACCURATE) floors.putAll(ACCURATE_JOINED_FLOORS);
    if (stage == Stage.ACCURATE) floors.putAll(ACCURATE_TARGET_FLOORS);
    floors.forEach((family, floor) -> {
      int[] r = byFunctionality.get(family);
      assertThat(r[1] / (double) r[0]).as(family).isGreaterThanOrEqualTo(floor);
    });
  }

  /**
   * Families where a news site's ordinary readers would be held by mistake, or its name-calling published: the shipped
   * model's measured rates (model card, both stages) rounded down. news-insult: 0.946 with the MiniLM network, 0.892
   * (33 of 37) with bge-small, whose re-chosen insult hold line (0.51 -> 0.63) publishes two more of them (e.g. "Braindead
   * leftie.", insult 0.43); it holds more real toxic news comments (toxic_spans 73 -> 77 %), so it shipped.
   * profanity-no-target and negation-not-hate took in the first block's "profanity-harmless" and "negation" rows (the
   * same functionalities under older names, 2 and 5 rows) in session 19, and non-protected grew from 3 to 23 rows.
   * negation-not-hate: 0.885 (23 of 26) in the fast stage since session 25, whose hate hold line (shared by both
   * stages, chosen for the accurate one) moved 0.55 -> 0.54; the accurate stage publishes 25 of 26.
   * spelling-harmless-typo (session 26): typos and run-together words in ordinary comments, 20 of 20 in both stages.
   * joined-harmless-blind (session 27): run-together words, hashtags, domains and mentions in ordinary comments, 57 of
   * 60 in both stages (the three held are a domain name, a mention and "#YNWA", split or not).
   * leet-harmless-blind (session 28): digits and symbols in ordinary words (PS4, 10am, "n00b"), 48 of 50 fast, 47 of 50
   * accurate (the three held quote a leetspeak insult to condemn it, and are held written plainly too).
   * spaced-harmless-blind (session 28): acronyms with dots, spelled-out emphasis and names, 48 of 50 in both stages.
   * typo-harmless-blind (session 28): typos, uncommon names and slang, 50 of 50 fast, 48 of 50 accurate (49 since
   * session 29).
   * object-abuse-blind (session 29): harsh words aimed at things ("the new parking rules are total garbage"), 33 of 50
   * in both stages until session 30 (the raters of the training sets often called such comments toxic); the fast stage
   * still publishes 33, and 27 of the 40 object-abuse-unseen and 31 of the 40 target-hard-unseen checks (session 30):
   * the accurate stage's target gate is what lifts them (ACCURATE_TARGET_FLOORS). target-mixed-unseen (session 30):
   * harsh words at a thing with an attack on people in the same comment, 33 of 60 fast.
   */
  private static final Map<String, Double> NEWS_FAMILY_FLOORS = Map.ofEntries(Map.entry("news-insult", 0.89),
      Map.entry("civil-disagreement", 0.95), Map.entry("profanity-no-target", 0.86), Map.entry("spam-lookalike", 0.95),
      Map.entry("identity-neutral", 0.95), Map.entry("reclaimed", 0.90), Map.entry("negation-not-hate", 0.88),
      Map.entry("question-neutral", 0.95), Map.entry("news-violence", 0.95), Map.entry("non-protected", 0.86),
      Map.entry("veiled-lookalike", 0.93), Map.entry("veiled-lookalike-blind", 0.94),
      Map.entry("spelling-harmless-typo", 0.95), Map.entry("joined-harmless-blind", 0.93),
      Map.entry("leet-harmless-blind", 0.92), Map.entry("spaced-harmless-blind", 0.94),
      Map.entry("typo-harmless-blind", 0.94), Map.entry("object-abuse-blind", 0.66),
      Map.entry("object-abuse-unseen", 0.67), Map.entry("target-hard-unseen", 0.77),
      Map.entry("target-mixed-unseen", 0.53));

  // measured 0.733 (497 of 678): the shipped lines are chosen for the accurate stage, which scores by default.
  // Session 23 added 30 veiled threats written after the second threat head's training rows (threat-veiled-unseen)
  // and 30 civil look-alikes (veiled-lookalike); session 24 50 + 50 written blind (threat-veiled-blind,
  // veiled-lookalike-blind), which the fast stage, without the head, all but misses. Session 26 added 40 disguised
  // spellings (letters swapped or left out, words run together) and 20 harmless typos: measured 0.728 (537 of 738).
  // Session 27 added 60 + 60 run-together checks written blind, which the fast stage (no word splitting) mostly
  // misses: measured 0.714 (613 of 858). Session 28's 300 checks of leetspeak, spelled-out words
  // and typos: 0.744 (861 of 1,158). Session 29's 100 checks of harsh words at things and at people: 0.738 (929 of
  // 1,258); session 30's 180 more: 0.729 (1,049 of 1,438).
  private static final double FAST_FLOOR = 0.70;
  // measured 0.920 (679 of 738; 629 of 678 before session 26), 0.918 (788 of 858) with session 27's words split and
  // its 120 checks, 0.934 (1,081 of 1,158) with session 28's respelling and its 300 checks, 0.923 (1,161 of 1,258)
  // with session 29's 100 checks of harsh words at things and at people, 0.919 (1,322 of 1,438) with session 30's
  // target gate and its 180 checks: rounded down to 0.91, since a few checks decided otherwise by a CPU without VNNI
  // (int8 scores differ a little there) would take it under 0.92
  private static final double ACCURATE_FLOOR = 0.91;

  /**
   * Words run together, which the accurate stage also reads split ({@link JoinedWords}): measured 18 of 20 and 45 of 60
   * (11 and 31 with the text read as written only). Leetspeak, which it reads undone ({@link LeetWords}): 50 of 50
   * (44 without); words spelled out letter by letter, which it reads joined ({@link SpacedLetters}): 48 of 50 (45);
   * a letter swapped or left out, which it reads mended ({@link Typos}): 50 of 50 (47).
   */
  private static final Map<String, Double> ACCURATE_JOINED_FLOORS = Map.of("spelling-joined", 0.85,
      "joined-abuse-blind", 0.73, "leet-abuse-blind", 0.94, "spaced-abuse-blind", 0.92,
      "typo-abuse-blind", 0.94);

  /**
   * The accurate stage's threats, which its second threat head (tools/finetune/category_head.py, inside
   * transformer.onnx) is there for: measured 20 of 26, 24 of 30, 41 of 50 and 6 of 6 (5, 5, 1 and 5 without it).
   */
  private static final Map<String, Double> ACCURATE_THREAT_FLOORS = Map.of("threat-veiled", 0.76,
      "threat-veiled-unseen", 0.80, "threat-veiled-blind", 0.82, "threat-person", 0.99);

  /**
   * Whom harsh words are aimed at, which the accurate stage's target gate (tools/finetune/target_gate.py, inside
   * transformer.onnx) reads: harsh words at things published, measured 46 of 50 (object-abuse-blind, 33 without the
   * gate) and 39 of 40 (object-abuse-unseen, written after the gate was trained; 25 without it); at people held, 46 of
   * 50 and 35 of 40 (the same with and without it; the fast stage holds 35 and 27); the boundary cases of
   * target-hard-unseen 35 of 40 (30 without it). target-mixed-unseen, an attack on people beside harsh words at a
   * thing: 39 of 60 (43 before session 30: the gate publishes 3 more of the 40 attacks and the re-fit hate line, 0.54 ->
   * 0.55, 2 more; most misses are the network's own, threats and identity hate after a complaint, "Whoever wrote it
   * deserves a bullet"): the one functionality under issue 11's 70 %, kept here so that a model that fixes it shows it
   * and one that does worse fails.
   */
  private static final Map<String, Double> ACCURATE_TARGET_FLOORS = Map.of("person-abuse-blind", 0.90,
      "person-abuse-unseen", 0.85, "object-abuse-blind", 0.90, "object-abuse-unseen", 0.95, "target-hard-unseen", 0.85,
      "target-mixed-unseen", 0.63);

  /** A check the model was trained on measures nothing: none may repeat a row of the augmentation sets it trains on. */
  @org.junit.jupiter.api.Test
  void noCheckIsATrainingSentence() throws Exception {
    java.util.Set<String> augment = texts(TestModels.jsonLines("/parley/augment/parley_augment.jsonl"));
    assertThat(augment).hasSizeGreaterThan(1000);
    // the rows written blind for the second threat head and the target gate (tools/finetune/category_head.py and
    // target_gate.py read rows/*-blind.jsonl) are trained on too
    java.util.List<com.fasterxml.jackson.databind.JsonNode> blind = new java.util.ArrayList<>();
    var rows = java.nio.file.Path.of("tools/finetune/rows");
    try (var files = java.nio.file.Files.newDirectoryStream(rows, "*-blind.jsonl")) {
      for (var file : files) blind.addAll(TestModels.jsonLines(file));
    }
    assertThat(blind).hasSizeGreaterThan(5000);
    java.util.Set<String> trained = new java.util.HashSet<>(augment);
    trained.addAll(texts(blind));
    assertThat(FunctionalChecks.items()).filteredOn(i -> trained.contains(normalized(i.text())))
        .extracting(FunctionalChecks.Item::text).isEmpty();
  }

  private static java.util.Set<String> texts(java.util.List<com.fasterxml.jackson.databind.JsonNode> rows) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (var row : rows) out.add(normalized(row.path("text").asText()));
    return out;
  }

  private static String normalized(String text) {
    return text.strip().toLowerCase(java.util.Locale.ROOT);
  }

  @org.junit.jupiter.api.Test
  void checksCoverBothOutcomesInEveryFamily() {
    var items = FunctionalChecks.items();
    assertThat(items).anyMatch(FunctionalChecks.Item::shouldFlag).anyMatch(i -> !i.shouldFlag());
    assertThat(items).extracting(FunctionalChecks.Item::functionality)
        .contains("negation-not-hate", "counter-speech", "threat-person", "spelling", "spam", "personal-not-spam");
  }
}
