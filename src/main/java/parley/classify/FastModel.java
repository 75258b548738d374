package parley.classify;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The fast stage's weights: one logistic regression per category over the hashed n-gram space, plus a Platt scaler
 * per category ({@code p = sigmoid(a * margin + b)}). Weights are float16 on disk (gzip'd) and held as float in a
 * category-interleaved array, so one feature's six weights share a cache line. (Holding the float16 bits instead
 * halves the table but measured 15 % slower: the conversions cost more than the cache misses they save.)
 *
 * <p>Immutable once built: {@link #read} loads one, and the trainers in {@code parley.classify.train} fit one through a
 * {@link Builder}.
 */
public final class FastModel {
  static final int STRIDE = 8;
  private static final int MAGIC = 0x50524C46; // "PRLF": char n-grams from 2 (models trained before 25 Nov 2026)
  private static final int MAGIC_V2 = 0x50524C32; // "PRL2": records the shortest char n-gram
  public static final int CATEGORIES = Category.values().length;

  public final int bits;
  final float[] weights; // [bucket * STRIDE + category], values exactly representable in float16
  private final double[] bias = new double[CATEGORIES];
  private final double[] plattA = new double[CATEGORIES];
  private final double[] plattB = new double[CATEGORIES];
  private final Featurizer featurizer;

  /** All weights and biases 0, Platt scalers the identity's slope: what a {@link Builder} starts from. */
  FastModel(int bits) {
    this(bits, Featurizer.MIN_N);
  }

  FastModel(int bits, int minCharN) {
    this.bits = bits;
    this.weights = new float[(1 << bits) * STRIDE];
    this.featurizer = new Featurizer(bits, minCharN);
    java.util.Arrays.fill(plattA, 1.0);
  }

  public Featurizer featurizer() {
    return featurizer;
  }

  /** Raw margins (uncalibrated log-odds) per category, in {@link Category} order. */
  public double[] margins(TextNormalizer.Normalized t) {
    return margins(Ngrams.of(featurizer, t));
  }

  /** Bias plus each block's weight sums times the block's scale (char n-grams come first in {@code g}). */
  double[] margins(Ngrams g) {
    int chars = g.charCount();
    double[] c = blockSums(g.bucket, 0, chars);
    double[] w = blockSums(g.bucket, chars, g.size);
    double cs = Featurizer.charScale(g.counts), ws = Featurizer.wordScale(g.counts);
    double[] m = new double[CATEGORIES];
    for (int k = 0; k < CATEGORIES; k++) m[k] = bias[k] + cs * c[k] + ws * w[k];
    return m;
  }

  /**
   * Per-category weight sums over {@code buckets[from, to)}, accumulated in locals: the loop is only table reads, so
   * the CPU keeps many cache misses in flight (hashing happened before, in {@link Ngrams#of}).
   */
  private double[] blockSums(int[] buckets, int from, int to) {
    float[] w = weights;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
    for (int k = from; k < to; k++) {
      int o = buckets[k] * STRIDE;
      s0 += w[o];
      s1 += w[o + 1];
      s2 += w[o + 2];
      s3 += w[o + 3];
      s4 += w[o + 4];
      s5 += w[o + 5];
    }
    return new double[] {s0, s1, s2, s3, s4, s5};
  }

  float weight(int bucket, int category) {
    return weights[bucket * STRIDE + category];
  }

  /** Stores {@code w} rounded to float16, exactly what ships. */
  void setWeight(int bucket, int category, float w) {
    weights[bucket * STRIDE + category] = Float.float16ToFloat(Float.floatToFloat16(w));
  }

  public double calibrate(int category, double margin) {
    return sigmoid(plattA[category] * margin + plattB[category]);
  }

  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  public void write(OutputStream raw) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16))) {
      out.writeInt(MAGIC_V2);
      out.writeInt(bits);
      out.writeInt(featurizer.minN());
      out.writeInt(CATEGORIES);
      for (int c = 0; c < CATEGORIES; c++) {
        out.writeDouble(bias[c]);
        out.writeDouble(plattA[c]);
        out.writeDouble(plattB[c]);
      }
      int buckets = 1 << bits;
      for (int c = 0; c < CATEGORIES; c++) {
        for (int b = 0; b < buckets; b++) out.writeShort(Float.floatToFloat16(weights[b * STRIDE + c]));
      }
    }
  }

  public static FastModel read(InputStream raw) throws IOException {
    byte[] all;
    try (GZIPInputStream in = new GZIPInputStream(raw, 1 << 16)) {
      all = in.readAllBytes();
    }
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(all); // big-endian, as DataOutputStream wrote it
    int magic = buf.getInt();
    if (magic != MAGIC && magic != MAGIC_V2) throw new IOException("not a Parley fast model");
    int bits = buf.getInt();
    FastModel m = new FastModel(bits, magic == MAGIC ? 2 : buf.getInt());
    int cats = buf.getInt();
    if (cats != CATEGORIES) throw new IOException("model has " + cats + " categories, expected " + CATEGORIES);
    for (int c = 0; c < CATEGORIES; c++) {
      m.bias[c] = buf.getDouble();
      m.plattA[c] = buf.getDouble();
      m.plattB[c] = buf.getDouble();
    }
    int buckets = 1 << m.bits;
    java.nio.ShortBuffer halves = buf.asShortBuffer();
    if (halves.remaining() != buckets * CATEGORIES) throw new IOException("truncated model file");
    // fill bucket by bucket: sequential writes into the interleaved array
    for (int b = 0, o = 0; b < buckets; b++, o += STRIDE) {
      for (int c = 0; c < CATEGORIES; c++) m.weights[o + c] = Float.float16ToFloat(halves.get(c * buckets + b));
    }
    return m;
  }

  /**
   * Fills a fast model's weights, biases and Platt scalers one category at a time, and scores with what it holds so
   * far (a trainer picks each category's regularization on dev). {@link #build} hands the model over; the builder is
   * spent after it, so the model it returned never changes. Not thread-safe.
   */
  public static final class Builder {
    private FastModel draft;

    public Builder(int bits) {
      draft = new FastModel(bits);
    }

    public int bits() {
      return draft().bits;
    }

    public Featurizer featurizer() {
      return draft().featurizer;
    }

    public float weight(int bucket, int category) {
      return draft().weight(bucket, category);
    }

    /** Stores {@code w} rounded to float16, exactly what ships. */
    public Builder weight(int bucket, int category, float w) {
      draft().setWeight(bucket, category, w);
      return this;
    }

    public Builder bias(int category, double b) {
      draft().bias[category] = b;
      return this;
    }

    /** The Platt scaler: {@code p = sigmoid(a * margin + b)}. */
    public Builder platt(int category, double a, double b) {
      draft().plattA[category] = a;
      draft().plattB[category] = b;
      return this;
    }

    /** Raw margins per category with the weights set so far. */
    public double[] margins(TextNormalizer.Normalized t) {
      return draft().margins(t);
    }

    public FastModel build() {
      FastModel m = draft();
      draft = null;
      return m;
    }

    private FastModel draft() {
      if (draft == null) throw new IllegalStateException("this builder has built its model");
      return draft;
    }
  }
}
