package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.Stage;

class AttributeTest {
  static Classification scores(Map<Category, Double> given) {
    Map<Category, Double> all = new EnumMap<>(Category.class);
    for (Category c : Category.values()) all.put(c, given.getOrDefault(c, 0.0));
    return new Classification(all, "en", true, List.of(), Stage.FAST);
  }

  @Test
  void namesAndAliases() {
    assertThat(Attribute.byName("TOXICITY")).contains(Attribute.TOXICITY);
    assertThat(Attribute.byName("toxicity")).contains(Attribute.TOXICITY);
    assertThat(Attribute.byName("SEVERE_TOXICITY_EXPERIMENTAL")).contains(Attribute.SEVERE_TOXICITY);
    assertThat(Attribute.byName("IDENTITY_ATTACK_EXPERIMENTAL")).contains(Attribute.IDENTITY_ATTACK);
    assertThat(Attribute.byName("PROFANITY")).contains(Attribute.PROFANITY);
    assertThat(Attribute.byName("FLIRTATION")).isEmpty();
    assertThat(Attribute.byName("SPAM_EXPERIMENTAL")).isEmpty();
  }

  @Test
  void directAttributesReadTheirCategory() {
    var c = scores(Map.of(Category.TOXIC, 0.9, Category.HATE, 0.1, Category.INSULT, 0.2, Category.OBSCENE, 0.3,
        Category.THREAT, 0.4, Category.SPAM, 0.5));
    assertThat(Attribute.TOXICITY.score(c)).isEqualTo(0.9);
    assertThat(Attribute.IDENTITY_ATTACK.score(c)).isEqualTo(0.1);
    assertThat(Attribute.INSULT.score(c)).isEqualTo(0.2);
    assertThat(Attribute.PROFANITY.score(c)).isEqualTo(0.3);
    assertThat(Attribute.THREAT.score(c)).isEqualTo(0.4);
    assertThat(Attribute.SPAM.score(c)).isEqualTo(0.5);
  }

  @Test
  void severeToxicityNeedsAGraveKindOfToxicity() {
    double plainInsult = Attribute.SEVERE_TOXICITY.score(scores(Map.of(Category.TOXIC, 0.9, Category.INSULT, 0.9,
        Category.OBSCENE, 0.05)));
    double obsceneInsult = Attribute.SEVERE_TOXICITY.score(scores(Map.of(Category.TOXIC, 0.95, Category.INSULT, 0.9,
        Category.OBSCENE, 0.95)));
    double threat = Attribute.SEVERE_TOXICITY.score(scores(Map.of(Category.TOXIC, 0.9, Category.THREAT, 0.9)));
    double clean = Attribute.SEVERE_TOXICITY.score(scores(Map.of(Category.TOXIC, 0.05, Category.HATE, 0.9)));
    assertThat(plainInsult).isLessThan(0.3);
    assertThat(obsceneInsult).isGreaterThan(0.8);
    assertThat(threat).isCloseTo(0.81, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(clean).isLessThan(0.05);
  }
}
