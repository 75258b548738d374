package parley.classify;

/**
 * Hashes a normalized comment into a fixed-size sparse feature space without building strings: character n-grams
 * ({@code minN}–5: 3–5 for models trained now, 2–5 before; without the bigrams scoring is 7 % faster at equal quality)
 * over the text padded with one space at each end, and word 1–2-grams. The char block and the word block are each
 * scaled by 1/sqrt(their feature count), so long and short comments live on the same scale (training and scoring use
 * exactly this definition; see {@link #charScale} and {@link #wordScale}).
 *
 * <p>The bucket methods are public for {@code parley.classify.train}, which neutralizes identity terms by bucket.
 */
public final class Featurizer {
  /** Receives one feature occurrence; {@code from}/{@code to} are normalized-text offsets of what it covers. */
  public interface Sink {
    void accept(int bucket, boolean word, int from, int to);
  }

  private static final int CHAR_SEED = 0x9E3779B9;
  private static final int WORD_SEED = 0x85EBCA6B;
  private static final int BIGRAM_SEED = 0xC2B2AE35;
  /** Shortest char n-gram of models trained now; files from before recorded none and used 2. */
  static final int MIN_N = 3;
  static final int MAX_N = 5;

  private final int mask;
  private final int minN;

  public Featurizer(int bits) {
    this(bits, MIN_N);
  }

  public Featurizer(int bits, int minN) {
    if (bits < 10 || bits > 24) throw new IllegalArgumentException("bits " + bits);
    if (minN < 1 || minN > MAX_N) throw new IllegalArgumentException("char n-grams from " + minN);
    this.mask = (1 << bits) - 1;
    this.minN = minN;
  }

  public int minN() {
    return minN;
  }

  public int buckets() {
    return mask + 1;
  }

  /** Calls {@code sink} once per feature occurrence. Returns {charCount, wordCount} packed as a long. */
  public long features(TextNormalizer.Normalized t, Sink sink) {
    char[] s = t.chars();
    int len = t.length();
    int padded = len + 2;
    int charCount = 0;
    for (int p = 0; p < padded - 1; p++) {
      int h = 0x811C9DC5;
      h = (h ^ charAt(s, len, p)) * 16777619;
      int maxK = Math.min(MAX_N, padded - p);
      for (int k = 1; k < maxK; k++) {
        h = (h ^ charAt(s, len, p + k)) * 16777619;
        if (k + 1 < minN) continue;
        sink.accept(mix(h ^ CHAR_SEED) & mask, false, Math.max(0, p - 1), Math.min(len, p + k));
        charCount++;
      }
    }
    int wordCount = 0;
    int prevHash = 0;
    int prevStart = -1;
    int i = 0;
    while (i < len) {
      if (!isWordChar(s[i])) {
        i++;
        continue;
      }
      int start = i;
      int h = 0x811C9DC5;
      while (i < len && (isWordChar(s[i]) || (isJoiner(s[i]) && i + 1 < len && isWordChar(s[i + 1])))) {
        if (s[i] != '\'') h = (h ^ s[i]) * 16777619; // "don't" == "dont"
        i++;
      }
      int wh = mix(h ^ WORD_SEED);
      sink.accept(wh & mask, true, start, i);
      wordCount++;
      if (prevStart >= 0) {
        sink.accept(mix(prevHash * 31 + wh ^ BIGRAM_SEED) & mask, true, prevStart, i);
        wordCount++;
      }
      prevHash = wh;
      prevStart = start;
    }
    return ((long) charCount << 32) | wordCount;
  }

  /** The bucket of a word unigram, exactly as {@link #features} hashes it. */
  public int wordBucket(String word) {
    int h = 0x811C9DC5;
    for (int i = 0; i < word.length(); i++) if (word.charAt(i) != '\'') h = (h ^ word.charAt(i)) * 16777619;
    return mix(h ^ WORD_SEED) & mask;
  }

  /** Buckets of the char n-grams (minN..MAX_N) of {@code s} as given (no padding added). */
  public void charGramBuckets(String s, int minN, java.util.function.IntConsumer out) {
    for (int p = 0; p < s.length(); p++) {
      int h = (0x811C9DC5 ^ s.charAt(p)) * 16777619;
      for (int k = 1; k < MAX_N && p + k < s.length(); k++) {
        h = (h ^ s.charAt(p + k)) * 16777619;
        if (k + 1 >= minN) out.accept(mix(h ^ CHAR_SEED) & mask);
      }
    }
  }

  public static double charScale(long counts) {
    int c = (int) (counts >>> 32);
    return c == 0 ? 0 : 1.0 / Math.sqrt(c);
  }

  public static double wordScale(long counts) {
    int w = (int) counts;
    return w == 0 ? 0 : 1.0 / Math.sqrt(w);
  }

  static boolean isWordChar(char c) {
    return c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c);
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '*'; // "don't", "f*ck"
  }

  private static char charAt(char[] s, int len, int p) {
    return p == 0 || p == len + 1 ? ' ' : s[p - 1];
  }

  /** Murmur3's finalizer: spreads FNV's low-entropy low bits over the whole word before masking. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }
}
