package parley.classify.train;

import java.util.List;
import parley.classify.Category;
import parley.classify.FastModel;
import parley.classify.Featurizer;

/**
 * Makes the bare mention of an identity neutral for toxic, hate and insult: in the training data words such as
 * "jews" or "muslims" appear mostly inside attacks, so plain n-grams learn that the mention itself is abuse ("Jews are
 * welcome here" scored as hate). After training, the positive weight of each identity word's unigram and of the
 * char 3–5-grams inside it is removed; negative weight is kept, and context n-grams ("hate jews", "are vermin") keep
 * all their weight, so attacks on a group still score.
 */
final class IdentityNeutralizer {
  static final List<String> IDENTITY_WORDS = List.of("muslim", "muslims", "islam", "islamic", "jew", "jews", "jewish",
      "christian", "christians", "hindu", "hindus", "sikh", "sikhs", "buddhist", "atheist", "atheists", "black", "blacks",
      "white", "whites", "asian", "asians", "latino", "latinos", "latina", "latinas", "hispanic", "hispanics", "arab",
      "arabs", "african", "africans", "mexican", "mexicans", "chinese", "indian", "indians", "immigrant", "immigrants",
      "migrant", "migrants", "refugee", "refugees", "woman", "women", "girl", "girls", "gay", "gays", "lesbian",
      "lesbians", "bisexual", "transgender", "trans", "queer", "lgbt", "lgbtq", "homosexual", "homosexuals", "disabled",
      "deaf", "blind", "autistic", "elderly", "indigenous", "native", "catholic", "catholics", "mosque", "synagogue");
  private static final List<Category> NEUTRALIZED = List.of(Category.TOXIC, Category.HATE, Category.INSULT);

  private IdentityNeutralizer() {}

  static void apply(FastModel.Builder model) {
    Featurizer fz = model.featurizer();
    for (String word : IDENTITY_WORDS) {
      clip(model, fz.wordBucket(word));
      fz.charGramBuckets(" " + word + " ", 3, b -> clip(model, b));
    }
  }

  private static void clip(FastModel.Builder model, int bucket) {
    for (Category c : NEUTRALIZED) {
      if (model.weight(bucket, c.ordinal()) > 0) model.weight(bucket, c.ordinal(), 0);
    }
  }
}
