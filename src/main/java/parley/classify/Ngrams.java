package parley.classify;

import java.util.Arrays;

/**
 * The hashed n-grams of one normalized comment, recorded once: scoring reads the buckets, explanation also reads the
 * character ranges, and neither hashes the text again. Char n-grams come first ({@link #charCount} of them), then
 * word n-grams, exactly in {@link Featurizer#features} order.
 */
final class Ngrams implements Featurizer.Sink {
  int[] bucket;
  int[] from;
  int[] to;
  int size;
  /** {charCount, wordCount} packed as {@link Featurizer#features} returns them. */
  long counts;

  private Ngrams(int capacity) {
    bucket = new int[capacity];
    from = new int[capacity];
    to = new int[capacity];
  }

  static Ngrams of(Featurizer featurizer, TextNormalizer.Normalized t) {
    Ngrams g = new Ngrams(t.length() * 4 + 16); // up to 4 char n-grams per character, about 1 word n-gram per 3
    g.counts = featurizer.features(t, g);
    return g;
  }

  int charCount() {
    return (int) (counts >>> 32);
  }

  @Override
  public void accept(int b, boolean word, int f, int t) {
    if (size == bucket.length) {
      bucket = Arrays.copyOf(bucket, size * 2);
      from = Arrays.copyOf(from, size * 2);
      to = Arrays.copyOf(to, size * 2);
    }
    bucket[size] = b;
    from[size] = f;
    to[size] = t;
    size++;
  }
}
