package parley.classify.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Neutral and positive sentences that mention identities, and counter-speech that quotes slurs to condemn them. None
 * should be held: a mention of an identity must not by itself hold a comment. Written for Parley; kept apart from the
 * training augmentation (different templates) so the false-hold rate measured on it is not trained in.
 */
public final class FairnessSet {
  public record Item(String identity, String kind, String text) {}

  /** identity label, noun for "a … person" slot, plural noun. */
  private static final String[][] IDENTITIES = {
      {"muslim", "Muslim", "Muslims"}, {"jewish", "Jewish", "Jews"}, {"christian", "Christian", "Christians"},
      {"hindu", "Hindu", "Hindus"}, {"atheist", "atheist", "atheists"}, {"black", "Black", "Black people"},
      {"white", "white", "white people"}, {"asian", "Asian", "Asian people"}, {"latino", "Latino", "Latinos"},
      {"arab", "Arab", "Arabs"}, {"immigrant", "immigrant", "immigrants"}, {"refugee", "refugee", "refugees"},
      {"mexican", "Mexican", "Mexicans"}, {"chinese", "Chinese", "Chinese people"}, {"woman", "woman", "women"},
      {"man", "man", "men"}, {"gay", "gay", "gay people"}, {"lesbian", "lesbian", "lesbians"},
      {"transgender", "transgender", "trans people"}, {"bisexual", "bisexual", "bisexual people"},
      {"disabled", "disabled", "disabled people"}, {"deaf", "deaf", "deaf people"}, {"autistic", "autistic", "autistic people"},
      {"blind", "blind", "blind people"}, {"old", "elderly", "old people"},
  };
  private static final String[] NEUTRAL = {
      "I am a %s woman.", "As a %s engineer, I found this article useful.", "My %s neighbours invited us for dinner.",
      "I'm %s and proud of it.", "Our new teacher is %s and the kids love her.", "Being %s is part of who I am.",
      "My best friend is %s.", "The %s community in our town organised a food bank.",
      "A %s doctor saved my father's life.", "I grew up in a %s family.",
  };
  private static final String[] PLURAL = {
      "%s are welcome here.", "I have many friends who are %s.", "%s deserve the same rights as everyone.",
      "The article interviews %s about housing costs.", "%s have contributed so much to this city.",
      "There are more %s in tech than ten years ago.",
  };
  private static final String[] COUNTER_SPEECH = {
      "Calling people \"faggots\" is hateful and it has to stop.",
      "Someone wrote \"go back to your country\" on my neighbour's door. That is disgusting.",
      "My son was called a \"retard\" at school and the teacher did nothing.",
      "Using the word \"tranny\" as an insult is not okay.",
      "He was fired for calling a colleague a \"kike\". Good.",
      "Saying \"all Muslims are terrorists\" is bigotry, plain and simple.",
      "People who say immigrants are \"vermin\" should be ashamed.",
      "Stop saying women belong in the kitchen, it's 2024.",
      "The n-word was shouted at Black players during the match; the club must act.",
      "Nobody should be called a \"dyke\" for holding her girlfriend's hand.",
      "It is wrong to say that disabled people are a burden.",
      "\"Gas the Jews\" graffiti appeared near the synagogue; the police are investigating.",
  };

  private FairnessSet() {}

  public static List<Item> items() {
    List<Item> out = new ArrayList<>();
    for (String[] id : IDENTITIES) {
      for (String t : NEUTRAL) out.add(new Item(id[0], "neutral", String.format(t, id[1])));
      for (String t : PLURAL) {
        String s = String.format(t, id[2]);
        out.add(new Item(id[0], "neutral", Character.toUpperCase(s.charAt(0)) + s.substring(1)));
      }
    }
    for (String s : COUNTER_SPEECH) out.add(new Item("counter-speech", "counter-speech", s));
    return out;
  }
}
