package parley.classify;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The fast stage's weights: one logistic regression per category over the hashed n-gram space, plus a Platt scaler
 * per category ({@code p = sigmoid(a * margin + b)}). Weights are float16, on disk (gzip'd) and in memory, in a
 * category-interleaved array: one feature's six weights share a cache line, and the whole 2^20-bucket table is 16 MB,
 * so it stays in the last-level cache, where 32-bit floats (32 MB) did not; scoring is mostly table lookups.
 */
public final class FastModel {
  static final int STRIDE = 8;
  private static final int MAGIC = 0x50524C46; // "PRLF"
  static final int CATEGORIES = Category.values().length;

  final int bits;
  final short[] weights; // float16 bits, [bucket * STRIDE + category]
  final double[] bias = new double[CATEGORIES];
  final double[] plattA = new double[CATEGORIES];
  final double[] plattB = new double[CATEGORIES];
  private final Featurizer featurizer;

  FastModel(int bits) {
    this.bits = bits;
    this.weights = new short[(1 << bits) * STRIDE];
    this.featurizer = new Featurizer(bits);
    java.util.Arrays.fill(plattA, 1.0);
  }

  public Featurizer featurizer() {
    return featurizer;
  }

  /** Raw margins (uncalibrated log-odds) per category, in {@link Category} order. */
  public double[] margins(TextNormalizer.Normalized t) {
    MarginSink sink = new MarginSink(weights);
    long counts = featurizer.features(t, sink);
    double cs = Featurizer.charScale(counts);
    double ws = Featurizer.wordScale(counts);
    double[] m = new double[CATEGORIES];
    for (int c = 0; c < CATEGORIES; c++) m[c] = bias[c] + cs * sink.chars[c] + ws * sink.words[c];
    return m;
  }

  float weight(int bucket, int category) {
    return Float.float16ToFloat(weights[bucket * STRIDE + category]);
  }

  /** Stores {@code w} rounded to float16, exactly what ships. */
  void setWeight(int bucket, int category, float w) {
    weights[bucket * STRIDE + category] = Float.floatToFloat16(w);
  }

  public double calibrate(int category, double margin) {
    return sigmoid(plattA[category] * margin + plattB[category]);
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** Sums weights per category, kept apart for the char and word blocks because they scale differently. */
  private static final class MarginSink implements Featurizer.Sink {
    final short[] w;
    final double[] chars = new double[CATEGORIES];
    final double[] words = new double[CATEGORIES];

    MarginSink(short[] w) {
      this.w = w;
    }

    @Override
    public void accept(int bucket, boolean word, int from, int to) {
      double[] acc = word ? words : chars;
      int o = bucket * STRIDE;
      acc[0] += Float.float16ToFloat(w[o]);
      acc[1] += Float.float16ToFloat(w[o + 1]);
      acc[2] += Float.float16ToFloat(w[o + 2]);
      acc[3] += Float.float16ToFloat(w[o + 3]);
      acc[4] += Float.float16ToFloat(w[o + 4]);
      acc[5] += Float.float16ToFloat(w[o + 5]);
    }
  }

  void write(OutputStream raw) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(bits);
      out.writeInt(CATEGORIES);
      for (int c = 0; c < CATEGORIES; c++) {
        out.writeDouble(bias[c]);
        out.writeDouble(plattA[c]);
        out.writeDouble(plattB[c]);
      }
      int buckets = 1 << bits;
      for (int c = 0; c < CATEGORIES; c++) {
        for (int b = 0; b < buckets; b++) out.writeShort(weights[b * STRIDE + c]);
      }
    }
  }

  static FastModel read(InputStream raw) throws IOException {
    byte[] all;
    try (GZIPInputStream in = new GZIPInputStream(raw, 1 << 16)) {
      all = in.readAllBytes();
    }
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(all); // big-endian, as DataOutputStream wrote it
    if (buf.getInt() != MAGIC) throw new IOException("not a Parley fast model");
    FastModel m = new FastModel(buf.getInt());
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
      for (int c = 0; c < CATEGORIES; c++) m.weights[o + c] = halves.get(c * buckets + b);
    }
    return m;
  }
}
