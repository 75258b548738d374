package parley.classify;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Decides which language a comment is in, biased towards "English or undetermined" because the model is English and
 * a false "unsupported" holds a harmless comment. Short or letter-poor texts (emoji, "lol", "ok!!") are undetermined
 * and scored as English. Text mostly in a non-Latin script is never English. Latin-script text goes to the optimaize
 * n-gram detector (a few dozen languages) only when it has few English function words.
 */
public final class LanguageGate {
  public record Verdict(String language, boolean supported) {}

  /** Latin-script languages the n-gram detector weighs against English; other scripts are told apart by script. */
  private static final List<String> PROFILES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no",
      "fi", "pl", "cs", "ro", "hu", "tr", "id", "tl", "ca", "hr", "vi");
  private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "you", "and", "is", "to", "of", "it",
      "that", "are", "this", "my", "your", "not", "on", "for", "with", "be", "he", "she", "they", "we", "me", "was",
      "i'm", "im", "what", "just", "have", "so", "but", "all", "if", "do", "at", "like", "get", "up", "out", "no",
      "u", "ur", "dont", "don't", "can", "will", "who", "them", "his", "her", "our", "an", "or", "from", "by", "go",
      // frequent words that are English in any Latin-script text ("i" too: the n-gram profiles misread short English)
      "i", "during", "which", "would", "could", "should", "about", "been", "were", "their", "these",
      "those", "because", "after", "before", "every", "into", "through", "while", "where", "than", "then", "very",
      "much", "many", "some", "any", "only", "also", "even", "still", "really", "think", "know", "want", "need",
      "make", "made", "said", "says", "new", "one", "two", "has", "had", "does", "did", "its", "it's", "i've",
      "i'd", "i'll", "you're", "can't", "won't", "isn't", "wasn't", "didn't", "doesn't", "article", "time", "year",
      "years", "day", "way", "thing", "things", "great", "well", "here", "now", "never", "always", "again",
      // informal English that n-gram profiles trained on formal text miss
      "lol", "lmao", "haha", "omg", "idk", "yes", "good", "nice", "love", "hate", "thanks", "how", "why", "when",
      "there", "people", "fuck", "fucking", "shit", "bitch", "ass", "hoe", "cunt", "dick", "nigga", "niggah");
  private static final Set<String> SUPPORTED = Set.of("en");

  /**
   * Reading the profiles takes seconds, and most comments never need the detector (English function words or a
   * non-Latin script decide first), so it loads in the background and only a caller that needs it waits.
   */
  private final java.util.concurrent.CompletableFuture<LanguageDetector> detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  private LanguageGate(java.util.concurrent.CompletableFuture<LanguageDetector> detector) {
    this.detector = detector;
  }

  public static LanguageGate create() {
    var future = new java.util.concurrent.CompletableFuture<LanguageDetector>();
    Thread loader = new Thread(() -> {
      try {
        var profiles = new LanguageProfileReader().read(PROFILES);
        future.complete(LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build());
      } catch (IOException | RuntimeException e) {
        future.completeExceptionally(new UncheckedIOException("language profiles missing from the classpath",
            e instanceof IOException io ? io : new IOException(e)));
      }
    }, "parley-language-profiles");
    loader.setDaemon(true);
    loader.start();
    return new LanguageGate(future);
  }

  private List<DetectedLanguage> probabilities(String text) {
    return detector.join().getProbabilities(texts.forText(text));
  }

  public Verdict detect(String text) {
    int letters = 0, latin = 0, words = 0, english = 0, wordHash = 0;
    Character.UnicodeScript dominant = null;
    int[] scriptCounts = null; // only for text with non-Latin letters
    int n = Math.min(text.length(), 1000); // the head of a long comment says enough
    boolean inWord = false, withDigit = false;
    for (int i = 0; i <= n; i++) {
      char ch = i < n ? text.charAt(i) : ' ';
      boolean letter;
      if (ch < 128) {
        letter = (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
        if (letter) latin++;
      } else {
        int cp = Character.codePointAt(text, i);
        letter = Character.isLetter(cp);
        if (letter) {
          Character.UnicodeScript s = Character.UnicodeScript.of(cp);
          if (s == Character.UnicodeScript.LATIN) {
            latin++;
          } else {
            if (scriptCounts == null) scriptCounts = new int[Character.UnicodeScript.values().length];
            scriptCounts[s.ordinal()]++;
            if (dominant == null || scriptCounts[s.ordinal()] > scriptCounts[dominant.ordinal()]) dominant = s;
          }
        }
        if (Character.isSupplementaryCodePoint(cp)) i++;
      }
      if (letter) {
        letters++;
        wordHash = wordHash * 31 + Character.toLowerCase(ch);
        inWord = true;
      } else if (ch >= '0' && ch <= '9') {
        // "a3f9c2e1", "mp3", "2x4": ids and codes, not words; their letter runs would pass for a foreign language
        withDigit = true;
        inWord = true;
      } else if (ch == '\'' && inWord) {
        wordHash = wordHash * 31 + '\'';
      } else if (inWord) {
        if (!withDigit) {
          words++;
          if (java.util.Arrays.binarySearch(FUNCTION_WORD_HASHES, wordHash) >= 0) english++;
        }
        wordHash = 0;
        inWord = false;
        withDigit = false;
      }
    }
    if (letters < 3) return new Verdict("und", true);
    if (latin * 2 < letters) return new Verdict(scriptLanguage(text, dominant), false);
    if (words < 5 || letters < 20 || english * 6 >= words) return new Verdict(words < 3 ? "und" : "en", true);
    List<DetectedLanguage> found = probabilities(text.length() > n ? text.substring(0, n) : text);
    if (found.isEmpty()) return new Verdict(english > 0 ? "en" : "und", true);
    DetectedLanguage top = found.get(0);
    String lang = top.getLocale().getLanguage();
    if (SUPPORTED.contains(lang) || top.getProbability() < 0.95) return new Verdict(english > 0 || SUPPORTED.contains(lang) ? "en" : "und", true);
    return new Verdict(lang, false);
  }

  private static final int[] FUNCTION_WORD_HASHES = hashes(ENGLISH_FUNCTION_WORDS);

  /** Same hash as {@link #detect}'s running word hash, sorted for a binary search (no boxing per word). */
  private static int[] hashes(Set<String> words) {
    return words.stream().mapToInt(w -> {
      int h = 0;
      for (int k = 0; k < w.length(); k++) h = h * 31 + w.charAt(k);
      return h;
    }).sorted().distinct().toArray();
  }

  /** Non-Latin text: the script's main language (Ukrainian told from Russian by its own letters). */
  private static String scriptLanguage(String text, Character.UnicodeScript script) {
    return switch (script) {
      case CYRILLIC -> text.chars().anyMatch(ch -> "іїєґІЇЄҐ".indexOf(ch) >= 0) ? "uk" : "ru";
      case ARABIC -> text.chars().anyMatch(ch -> "پچژگکی".indexOf(ch) >= 0) ? "fa" : "ar";
      case HAN -> "zh";
      case HIRAGANA, KATAKANA -> "ja";
      case HANGUL -> "ko";
      case DEVANAGARI -> "hi";
      case GREEK -> "el";
      case HEBREW -> "he";
      case THAI -> "th";
      case BENGALI -> "bn";
      case TAMIL -> "ta";
      case ARMENIAN -> "hy";
      case GEORGIAN -> "ka";
      case null, default -> "xx";
    };
  }
}
