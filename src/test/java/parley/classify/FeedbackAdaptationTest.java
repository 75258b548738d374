package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.train.Example;
import parley.classify.train.FeedbackAdapter;
import parley.classify.train.Split;

/**
 * {@code parley train --feedback} without the datasets: the shipped model adapted to one newsroom's verdicts. This
 * newsroom removes accusations that another reader is a paid shill or a bot (the shipped model lets them through) and
 * publishes readers mocking themselves ("what an idiot I was to believe the council": the shipped model holds it as
 * toxic; until session 30 the test used blunt criticism of institutions, which the shipped model's target gate now
 * publishes by itself). The verdicts name some organisations; the comments it is then tested on name others, in other
 * words, so what is checked is what carries over, not what was memorized. Insults and threats at people that no verdict
 * was about stay held.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackAdaptationTest {
  static final List<String> ACCUSATIONS = List.of("Another paid shill from the %s.",
      "Typical %s shill, who is paying you this time?", "You are clearly on the %s payroll.",
      "Nice try, %s bot.", "How much does the %s pay you to post this?", "Obvious %s troll account, ignore it.",
      "Tell your bosses at the %s they wasted their money on you.", "Paid by the %s to spam every article, aren't you?");
  static final List<String> SELF_MOCKERY = List.of("What an idiot I was to believe the %s.",
      "I'm the fool who trusted the %s, again.", "I was dumb enough to sign up with the %s.",
      "Silly old me, I thought the %s would listen.", "I feel like a total moron for defending the %s last year.",
      "Call me an idiot, I renewed with the %s again.", "I'm such a clown for expecting anything from the %s.",
      "Stupid of me to think the %s had changed.");
  /** Phrased unlike any verdict. */
  static final List<String> NEW_SELF_MOCKERY = List.of("I was a complete idiot to trust the %s.",
      "What a fool I am for voting for the %s.", "Stupid me, I believed the %s again.");
  static final List<String> TRAIN_ORGS = List.of("oil lobby", "city council", "mining company", "teachers union",
      "ruling party", "developers", "chamber of commerce", "transit authority", "school board", "health ministry");
  static final List<String> TEST_ORGS = List.of("pharma industry", "county board", "airline", "police union",
      "opposition", "planning office");

  Path dir;
  Classifier shipped;
  Classifier adapted;
  FeedbackAdapter.Result result;

  @BeforeAll
  void adapt(@TempDir Path tmp) throws Exception {
    dir = tmp;
    for (String name : List.of("model.json", "fast.bin.gz", "spans.tsv", "thresholds.json", TransformerStage.STACK_FILE,
        TransformerStage.FILE)) {
      try (InputStream in = Models.class.getResourceAsStream(Models.RESOURCE_DIR + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    List<Example> verdicts = new ArrayList<>();
    for (String org : TRAIN_ORGS) {
      for (String t : ACCUSATIONS) verdicts.add(verdict(t.formatted(org), 1));
      for (String t : SELF_MOCKERY) verdicts.add(verdict(t.formatted(org), 0));
    }
    result = FeedbackAdapter.adapt(dir, verdicts, System.out::println);
    shipped = Models.loadDefault();
    adapted = Models.load(dir);
  }

  static Example verdict(String text, int toxic) {
    // as the dashboard gives them: an approval is 0 everywhere, a rejection without a score reason is toxic
    Map<Category, Integer> labels = new java.util.EnumMap<>(Category.class);
    if (toxic == 1) labels.put(Category.TOXIC, 1);
    else for (Category c : Category.values()) labels.put(c, 0);
    return new Example("parley_moderation", "v" + text.hashCode(), text, Split.TRAIN, labels, Map.of());
  }

  @Test
  void theToxicHeadIsAdaptedAndTheRestAreLeftAlone() throws Exception {
    FeedbackAdapter.CategoryFit toxic = result.categories().get(Category.TOXIC.ordinal());
    assertThat(toxic.adapted()).isTrue();
    assertThat(toxic.verdicts()).isEqualTo(TRAIN_ORGS.size() * 16);
    assertThat(toxic.agreementAfter()).isGreaterThan(toxic.agreementBefore() + 0.3);
    // Parley's reference comments (threats, insults, hate and their look-alikes) keep their decisions
    assertThat(toxic.referenceChanged()).isLessThan(0.05);
    // approvals say nothing new about spam (never scored as such): no gain, no correction
    assertThat(result.categories().get(Category.SPAM.ordinal()).adapted()).isFalse();
    for (FeedbackAdapter.CategoryFit f : result.categories()) {
      if (f.adapted()) assertThat(f.referenceChanged()).as(f.category().key()).isLessThan(0.05);
    }
    assertThat(dir.resolve(Adaptation.FILE)).exists();
    Adaptation read;
    try (InputStream in = Files.newInputStream(dir.resolve(Adaptation.FILE))) {
      read = Adaptation.read(in);
    }
    assertThat(read.dimension()).isEqualTo(384);
    assertThat(read.weights()[Category.TOXIC.ordinal()]).isNotNull();
    assertThat(read.weights()[Category.SPAM.ordinal()]).isNull();
  }

  @Test
  void newAccusationsAreHeldAndNewSelfMockeryIsPublished() {
    double line = 0.75; // a fixed toxic line for the before/after comparison (the shipped one is 0.68)
    int heldBefore = 0, heldAfter = 0, mockeryHeldBefore = 0, mockeryHeldAfter = 0, n = 0;
    double rise = 0;
    for (String org : TEST_ORGS) {
      for (String t : List.of("Yet another %s shill posting talking points.", "Who at the %s is paying for these comments?",
          "This account is obviously run by the %s.")) {
        n++;
        double before = toxic(shipped, t.formatted(org)), after = toxic(adapted, t.formatted(org));
        rise += (after - before) / (TEST_ORGS.size() * 3);
        if (before >= line) heldBefore++;
        if (after >= line) heldAfter++;
      }
      for (String t : NEW_SELF_MOCKERY) {
        if (toxic(shipped, t.formatted(org)) >= line) mockeryHeldBefore++;
        if (toxic(adapted, t.formatted(org)) >= line) mockeryHeldAfter++;
      }
    }
    System.out.printf("accusations held %d -> %d of %d (toxic +%.2f on average); self-mockery held %d -> %d of %d%n",
        heldBefore, heldAfter, n, rise, mockeryHeldBefore, mockeryHeldAfter, n);
    // phrased unlike any verdict ("who at the airline is paying for these comments?"), some stay below the line
    assertThat(rise).isGreaterThan(0.25);
    assertThat(heldAfter).isGreaterThan(heldBefore);
    assertThat(mockeryHeldBefore).isGreaterThanOrEqualTo(4);
    assertThat(mockeryHeldAfter).isLessThanOrEqualTo(mockeryHeldBefore / 2);
  }

  @Test
  void abuseAtPeopleThatNoVerdictWasAboutStaysHeld() {
    for (String t : List.of("You are an absolute idiot and everyone here knows it.", "I will find you and hurt you.",
        "Shut up, you worthless piece of garbage.", "People like you should be put down like dogs.")) {
      Classification before = shipped.classify(t), after = adapted.classify(t);
      System.out.printf("%s: toxic %.2f -> %.2f%n", t, before.score(Category.TOXIC), after.score(Category.TOXIC));
      // held by the adapted model's own lines, in whichever abuse category (a threat may score higher as threat)
      Map<Category, CalibratedLine> lines = adapted.calibratedLines();
      assertThat(lines).isNotEmpty();
      assertThat(lines.entrySet()).as(t).anyMatch(l -> l.getKey() != Category.SPAM && after.score(l.getKey()) >= l.getValue().hold());
    }
  }

  /**
   * The common first weeks: moderators have only approved the model's false holds. The reference comments stand in for
   * everything else, so the approvals' kind of comment is let through and abuse at people stays held.
   */
  @Test
  void approvalsAloneLetTheirKindThroughAndNothingElse(@TempDir Path approvalsOnly) throws Exception {
    for (String name : List.of("model.json", "fast.bin.gz", "spans.tsv", "thresholds.json", TransformerStage.STACK_FILE,
        TransformerStage.FILE)) {
      Files.copy(dir.resolve(name), approvalsOnly.resolve(name));
    }
    List<Example> verdicts = new ArrayList<>();
    for (String org : TRAIN_ORGS) for (String t : SELF_MOCKERY) verdicts.add(verdict(t.formatted(org), 0));
    FeedbackAdapter.Result approved = FeedbackAdapter.adapt(approvalsOnly, verdicts, s -> {});
    assertThat(approved.categories().get(Category.TOXIC.ordinal()).adapted()).isTrue();
    try (Classifier c = Models.load(approvalsOnly)) {
      int before = 0, after = 0;
      for (String org : TEST_ORGS) {
        for (String t : NEW_SELF_MOCKERY.subList(0, 2)) {
          if (toxic(shipped, t.formatted(org)) >= 0.75) before++;
          if (toxic(c, t.formatted(org)) >= 0.75) after++;
        }
      }
      System.out.printf("approvals only: self-mockery held %d -> %d of %d%n", before, after, TEST_ORGS.size() * 2);
      assertThat(before).isGreaterThanOrEqualTo(4);
      assertThat(after).isLessThanOrEqualTo(before / 2);
      // held by the adapted model's own lines, in whichever abuse category: approvals of readers mocking themselves
      // ("I was dumb enough ...") lower the toxic score of "I will find you and hurt you." a little (0.83 -> 0.75);
      // it stays held as a threat
      Map<Category, CalibratedLine> lines = c.calibratedLines();
      for (String t : List.of("You are an absolute idiot and everyone here knows it.", "I will find you and hurt you.",
          "Shut up, you worthless piece of garbage.", "People like you should be put down like dogs.")) {
        Classification scored = c.classify(t);
        assertThat(lines.entrySet()).as(t)
            .anyMatch(l -> l.getKey() != Category.SPAM && scored.score(l.getKey()) >= l.getValue().hold());
      }
      assertThat(toxic(c, "You are an absolute idiot and everyone here knows it.")).isGreaterThan(0.75);
    }
  }

  static double toxic(Classifier c, String text) {
    return c.classify(text).score(Category.TOXIC);
  }
}
