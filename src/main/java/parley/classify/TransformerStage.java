package parley.classify;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The accurate stage: a BERT-shaped encoder (bge-small-en-v1.5 in the shipped model; {@link Settings#encoder}) fine-tuned
 * with six sigmoid heads ({@code tools/finetune}), int8, run by ONNX Runtime in process. It reads the raw text (its tokenizer lower-cases) in windows of
 * {@link #MAX_PIECES} word pieces, the length it was trained on. A model made with {@code "windows": 1} reads the
 * head only, as in training; more windows also read the rest of a long comment (the insult in the last line of a
 * long news comment): each abuse category takes its strongest window, spam the head's. One window per call, so that
 * a comment's scores never depend on what else is scored at the same time (dynamic int8 quantization picks its scale
 * per batch).
 *
 * <p>Public for the trainers in {@code parley.classify.train}, which build and evaluate it.
 */
public final class TransformerStage implements AccurateModel {
  public static final String FILE = "transformer.onnx";
  /** The stacker's weights per category ({a, b, c} over fast margin and transformer logit), fitted on dev. */
  public static final String STACK_FILE = "transformer.json";
  /** [CLS] + 62 word pieces + [SEP]: what the model was trained on (p90 of news comments is longer: their head). */
  public static final int MAX_PIECES = 64;
  /** The text handed to the tokenizer: far more than 62 word pieces, and bounded whatever arrives. */
  static final int MAX_CHARS = 4000;
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final long CLS = 101, SEP = 102;
  /** Word pieces two neighbouring windows share, so that a phrase across a window edge is read whole once. */
  static final int OVERLAP = 16;

  /** Opens the ONNX file on first use (twice if no temporary copy can be written: {@link OnnxSessions#create}). */
  public interface ModelFile {
    InputStream open() throws IOException;
  }

  final double[][] stack;
  /** At most this many windows per comment (the head, then further windows, the last one ending at the end). */
  final int windows;
  /**
   * A comment of at most this many word pieces ([CLS] and [SEP] included) is read whole in one window: cheaper than two
   * windows that mostly overlap (a 300-character comment is ~75 pieces). {@link #MAX_PIECES} turns it off.
   */
  final int wholeUpTo;
  /** Position embeddings of the BERT-shaped encoders this stage runs. */
  static final int MAX_POSITIONS = 512;
  private final ModelFile file;
  /** The newsroom's correction of the heads ({@link Adaptation#NONE}: the network as shipped). */
  final Adaptation adaptation;
  private volatile Session session;
  /** The span branch and how its marks blend with the word table (null where the model has none; the mix also while it is chosen). */
  private final SpanNetwork spanNetwork;
  private final SpanMix spanMix;
  /** Respelled, words run together also read split (the word list loads on first use). */
  private final Readings readings;

  private record Session(OrtEnvironment env, OrtSession ort, HuggingFaceTokenizer tokenizer, boolean pooled,
      boolean tokens) {}

  /**
   * What one window gives: the heads' probabilities, the vector they read and the token vectors the span branch reads
   * (each null if not asked for).
   */
  public record Window(double[] probs, float[] pooled, float[] tokens) {}

  /** A window's word-piece ids and each piece's code-point range in the text ([CLS], [SEP]: -1). */
  record Pieces(long[] ids, int[] from, int[] to) {}

  /** The network's second output: the mean-pooled vector the heads read (networks exported before 6 Dec 2026 lack it). */
  static final String POOLED = "pooled";

  /** @param stack per category {a, b, c}: {@code p = sigmoid(a * fastMargin + b * logit(transformer) + c)} */
  TransformerStage(ModelFile file, double[][] stack) {
    this(file, stack, 1);
  }

  public TransformerStage(ModelFile file, double[][] stack, int windows) {
    this(file, stack, windows, MAX_PIECES);
  }

  public TransformerStage(ModelFile file, double[][] stack, int windows, int wholeUpTo) {
    this(file, stack, windows, wholeUpTo, Adaptation.NONE);
  }

  public TransformerStage(ModelFile file, double[][] stack, int windows, int wholeUpTo, Adaptation adaptation) {
    this(file, stack, windows, wholeUpTo, adaptation, null, null);
  }

  /** @param spanFile the span branch ({@link SpanNetwork#FILE}), null for none; {@code spanMix} must come with it */
  public TransformerStage(ModelFile file, double[][] stack, int windows, int wholeUpTo, Adaptation adaptation,
      ModelFile spanFile, SpanMix spanMix) {
    this(file, stack, windows, wholeUpTo, adaptation, spanFile, spanMix, Readings.AS_WRITTEN);
  }

  /** @param readings how the text is prepared for the network besides as written ({@link Readings}) */
  public TransformerStage(ModelFile file, double[][] stack, int windows, int wholeUpTo, Adaptation adaptation,
      ModelFile spanFile, SpanMix spanMix, Readings readings) {
    this.readings = readings;
    if (spanFile == null && spanMix != null) throw new IllegalArgumentException("a span mix needs its span branch");
    this.spanNetwork = spanFile == null ? null : new SpanNetwork(spanFile::open);
    this.spanMix = spanMix;
    if (windows < 1) throw new IllegalArgumentException("windows must be at least 1, was " + windows);
    if (wholeUpTo < MAX_PIECES || wholeUpTo > MAX_POSITIONS) {
      throw new IllegalArgumentException("wholeUpTo must be " + MAX_PIECES + " to " + MAX_POSITIONS + ", was " + wholeUpTo);
    }
    this.file = file;
    this.stack = stack;
    this.windows = windows;
    this.wholeUpTo = wholeUpTo;
    this.adaptation = adaptation;
  }

  /**
   * Native calls hold the read side; {@link #close} takes the write side, so it waits for a run in flight (a warm-up, a
   * score abandoned after its time budget) instead of freeing the session under it, which crashes the JVM.
   */
  private final java.util.concurrent.locks.ReentrantReadWriteLock lifecycle =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private boolean closed; // guarded by lifecycle

  private Session session() {
    if (closed) throw new IllegalStateException("the transformer stage is closed");
    Session s = session;
    if (s == null) {
      synchronized (this) {
        if (session == null) {
          Session opened;
          try {
            opened = open(file);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          if (!opened.pooled() && !adaptation.isEmpty()) {
            throw new IllegalStateException(FILE + " has no '" + POOLED + "' output, which the newsroom adaptation ("
                + Adaptation.FILE + ") reads: export the network with tools/finetune/export.py, or remove the file");
          }
          session = opened;
        }
        s = session;
      }
    }
    return s;
  }

  private static Session open(ModelFile model) throws IOException {
    try (InputStream tok = TransformerStage.class.getResourceAsStream(TOKENIZER)) {
      if (tok == null) throw new IOException("tokenizer " + TOKENIZER + " missing from the classpath");
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("addSpecialTokens", "true",
          "truncation", "false", "padding", "false"));
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // one thread per call: parallelism comes from concurrent requests (measured faster in total, as for MiniLM)
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession ort = OnnxSessions.create(env, model::open, options);
      return new Session(env, ort, tokenizer, ort.getOutputNames().contains(POOLED),
          ort.getOutputNames().contains(SpanNetwork.INPUT));
    } catch (OrtException e) {
      throw new IOException("cannot load " + FILE + " into ONNX Runtime", e);
    }
  }

  /** Word-piece ids of the text's head, [CLS] … [SEP], at most {@link #MAX_PIECES}. */
  long[] ids(String text) {
    return windowIds(text).get(0);
  }

  java.util.List<long[]> windowIds(String text) {
    return windowPieces(text).stream().map(Pieces::ids).toList();
  }

  /** The text the tokenizer reads: at most {@link #MAX_CHARS}. */
  private static String bounded(String text) {
    return text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  /**
   * The windows this stage reads, each [CLS] … [SEP] of at most {@link #MAX_PIECES}: the head first; for a longer
   * comment, windows every {@code MAX_PIECES - 2 - OVERLAP} pieces, the last one ending with the text, at most
   * {@link #windows} in all, of the text respelled where the model says so ({@link Readings}: words spelled out letter
   * by letter joined, leetspeak undone, one typo per unknown word mended; offsets still point into the text as
   * written). Where words run together ({@link JoinedWords}), the same windows of the text with them split follow: each
   * abuse category takes its strongest reading, so a split can add what the joined spelling hid ("ihatemuslims") but
   * never take away what the whole word meant ("halfwit" is not "half wit").
   */
  java.util.List<Pieces> windowPieces(String text) {
    Readings.Read read = readings.respelled(bounded(text));
    java.util.List<Pieces> asRead = windowPieces(read.text(), read.original());
    JoinedWords.Split split = readings.splitJoined() ? JoinedWords.shipped().split(read.text()) : null;
    if (split == null || !split.changed()) return asRead;
    java.util.List<Pieces> out = new java.util.ArrayList<>(asRead);
    out.addAll(windowPieces(split.text(), read.original().compose(split::original)));
    return out;
  }

  /** @param original a code-point offset in {@code t} to the offset in the text as written it stands for */
  private java.util.List<Pieces> windowPieces(String t, java.util.function.IntUnaryOperator original) {
    ai.djl.huggingface.tokenizers.Encoding e;
    lifecycle.readLock().lock();
    try {
      e = session().tokenizer().encode(t);
    } finally {
      lifecycle.readLock().unlock();
    }
    long[] all = e.getIds();
    var spans = e.getCharTokenSpans();
    int[] from = new int[all.length], to = new int[all.length];
    for (int i = 0; i < all.length; i++) {
      from[i] = spans[i] == null ? -1 : original.applyAsInt(spans[i].getStart());
      to[i] = spans[i] == null ? -1 : original.applyAsInt(spans[i].getEnd());
    }
    Pieces whole = new Pieces(all, from, to);
    if (all.length <= MAX_PIECES) return java.util.List.of(whole);
    if (windows == 1) return java.util.List.of(window(whole, 0));
    if (all.length <= wholeUpTo) return java.util.List.of(whole);
    int body = all.length - 2, width = MAX_PIECES - 2, stride = width - OVERLAP;
    java.util.List<Pieces> out = new java.util.ArrayList<>();
    for (int start = 0; out.size() < windows - 1 && start + width < body; start += stride) out.add(window(whole, start));
    if (out.size() < windows) out.add(window(whole, body - width)); // the end of the comment
    return out;
  }

  private static Pieces window(Pieces all, int start) {
    long[] w = new long[MAX_PIECES];
    int[] from = new int[MAX_PIECES], to = new int[MAX_PIECES];
    w[0] = CLS;
    System.arraycopy(all.ids(), 1 + start, w, 1, MAX_PIECES - 2);
    System.arraycopy(all.from(), 1 + start, from, 1, MAX_PIECES - 2);
    System.arraycopy(all.to(), 1 + start, to, 1, MAX_PIECES - 2);
    w[MAX_PIECES - 1] = SEP;
    from[0] = to[0] = from[MAX_PIECES - 1] = to[MAX_PIECES - 1] = -1;
    return new Pieces(w, from, to);
  }

  @Override
  public double[] probabilities(String head, double[] fastMargins) {
    return AccurateModel.stacked(stack, fastMargins, logits(head));
  }

  /**
   * With a span branch, the scoring call also takes the token vectors, and the marks are the branch's reading of them,
   * computed only if the comment is explained.
   */
  @Override
  public Scored scored(String head, double[] fastMargins) {
    if (spanNetwork == null || spanMix == null) return AccurateModel.super.scored(head, fastMargins);
    java.util.List<Pieces> pieces = windowPieces(head);
    boolean tokens = tokensOut();
    java.util.List<Window> read = windows(pieces, tokens);
    double[] probs = AccurateModel.stacked(stack, fastMargins, logits(read));
    if (!tokens) return new Scored(probs, null);
    String t = bounded(head);
    return new Scored(probs, new Marks(() -> spanNetwork.perChar(t, pieces, read.stream().map(Window::tokens).toList()), spanMix));
  }

  /**
   * The span branch's marks per UTF-16 char of the text's first {@link #MAX_CHARS}, for choosing and measuring the
   * {@link SpanMix} ({@code parley.classify.train}); null where the model has no branch, the network no token output,
   * or the branch cannot run.
   */
  public float[] marks(String text) {
    if (spanNetwork == null || !tokensOut()) return null;
    java.util.List<Pieces> pieces = windowPieces(text);
    return spanNetwork.perChar(bounded(text), pieces, windows(pieces, true).stream().map(Window::tokens).toList());
  }

  private boolean tokensOut() {
    lifecycle.readLock().lock();
    try {
      return session().tokens();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** The ONNX metadata key under which a network notes what it carries beyond its six heads (the model card shows it). */
  public static final String NOTE_KEY = "parley.note";

  /** The network's own note ({@link #NOTE_KEY}), or "" if it has none. */
  public String note() {
    lifecycle.readLock().lock();
    try {
      return session().ort().getMetadata().getCustomMetadata().getOrDefault(NOTE_KEY, "");
    } catch (OrtException e) {
      return "";
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public void warmUp() {
    logits("warm up");
    // the span branch too, so that the first comment explained does not pay for opening it
    if (spanMix != null) marks("warm up");
  }

  /** The transformer's own logit per category, in {@link Category} order. */
  public double[] logits(String text) {
    return logits(windows(windowPieces(text), false));
  }

  private double[] logits(java.util.List<Window> read) {
    double[] p = strongest(read.stream().map(this::adapted).toList());
    for (int i = 0; i < p.length; i++) p[i] = logit(p[i]);
    return p;
  }

  /** log(p / (1 - p)), p kept 1e-6 away from 0 and 1. */
  public static double logit(double p) {
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return Math.log(q / (1 - q));
  }

  /**
   * The transformer's own probability per category, in {@link Category} order: the strongest window's for the abuse
   * categories; spam is read from the head alone (a maximum over windows made long civil comments score as spam).
   */
  double[] transformerProbabilities(String text) {
    return strongest(windows(windowPieces(text), false).stream().map(this::adapted).toList());
  }

  /** The head's probabilities, each abuse category raised to its strongest window's. */
  private static double[] strongest(java.util.List<double[]> windows) {
    double[] out = windows.get(0).clone();
    for (double[] p : windows.subList(1, windows.size())) {
      for (int i = 0; i < p.length; i++) if (i != Category.SPAM.ordinal()) out[i] = Math.max(out[i], p[i]);
    }
    return out;
  }

  /** The windows run as the network gives them (the pooled vector where an adaptation needs it). */
  private java.util.List<Window> windows(java.util.List<Pieces> windows, boolean tokens) {
    boolean pooled = !adaptation.isEmpty();
    // a long comment's further windows run beside its head (one intra-op thread each): its latency is one window's
    java.util.List<java.util.concurrent.CompletableFuture<Window>> rest = windows.subList(1, windows.size()).stream()
        .map(w -> java.util.concurrent.CompletableFuture.supplyAsync(() -> window(w.ids(), pooled, tokens))).toList();
    java.util.List<Window> out = new java.util.ArrayList<>();
    out.add(window(windows.get(0).ids(), pooled, tokens));
    for (var window : rest) {
      try {
        out.add(window.join());
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    return out;
  }

  /** One window's probabilities, the newsroom's adaptation applied. */
  private double[] adapted(Window w) {
    return adaptation.isEmpty() ? w.probs() : adaptation.adjust(w.probs(), w.pooled());
  }

  /**
   * Each window the stage reads in {@code text}, as the network gives it (no adaptation) with its pooled vector: what
   * {@code parley train --feedback} fits an {@link Adaptation} on. The head comes first.
   */
  public java.util.List<Window> windows(String text) {
    return windowIds(text).stream().map(ids -> window(ids, true, false)).toList();
  }

  private Window window(long[] ids, boolean pooled, boolean tokens) {
    long[] mask = new long[ids.length];
    java.util.Arrays.fill(mask, 1);
    lifecycle.readLock().lock();
    Session s;
    try {
      s = session();
    } catch (RuntimeException e) {
      lifecycle.readLock().unlock();
      throw e;
    }
    try (OnnxTensor idT = OnnxTensor.createTensor(s.env(), new long[][] {ids});
        OnnxTensor maskT = OnnxTensor.createTensor(s.env(), new long[][] {mask});
        OrtSession.Result r = s.ort().run(Map.of("input_ids", idT, "attention_mask", maskT), outputs(pooled, tokens))) {
      float[] p = ((float[][]) r.get("probs").orElseThrow().getValue())[0];
      double[] out = new double[p.length];
      for (int i = 0; i < p.length; i++) out[i] = p[i];
      float[] vectors = null;
      if (tokens) {
        var buffer = ((OnnxTensor) r.get(SpanNetwork.INPUT).orElseThrow()).getFloatBuffer(); // a copy on the heap
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0 && buffer.array().length == buffer.remaining()) {
          vectors = buffer.array();
        } else {
          vectors = new float[buffer.remaining()];
          buffer.get(vectors);
        }
      }
      return new Window(out, pooled ? ((float[][]) r.get(POOLED).orElseThrow().getValue())[0] : null, vectors);
    } catch (OrtException e) {
      throw new IllegalStateException("transformer stage failed", e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private static java.util.Set<String> outputs(boolean pooled, boolean tokens) {
    if (pooled && tokens) return java.util.Set.of("probs", POOLED, SpanNetwork.INPUT);
    if (pooled) return java.util.Set.of("probs", POOLED);
    return tokens ? java.util.Set.of("probs", SpanNetwork.INPUT) : java.util.Set.of("probs");
  }

  /** Waits for the native calls in flight, then frees the session; later calls fail instead of reopening it. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      closed = true;
      Session s = session;
      if (s == null) return;
      session = null;
      try {
        s.ort().close();
      } catch (OrtException e) {
        // closing at shutdown: nothing left to do with it
      }
      s.tokenizer().close();
    } finally {
      if (spanNetwork != null) spanNetwork.close();
      lifecycle.writeLock().unlock();
    }
  }

  public void writeStack(java.nio.file.Path file, String encoder) throws IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = json.createObjectNode();
    root.put("model", FILE);
    root.put("encoder", encoder);
    root.put("maxPieces", MAX_PIECES);
    root.put("windows", windows);
    root.put("wholeUpTo", wholeUpTo);
    root.put("respell", readings.respell());
    root.put("splitJoined", readings.splitJoined());
    for (Category c : Category.values()) {
      var a = root.putObject(c.key()).putArray("stack");
      for (double v : stack[c.ordinal()]) a.add(v);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  /**
   * What {@link #STACK_FILE} holds: the stacker, the number of windows (1 where the file predates windows), the length
   * up to which a comment is read whole ({@link #MAX_PIECES} where the file predates it) and the pretrained encoder the
   * network was fine-tuned from (for the model card; all-MiniLM-L6-v2 where the file predates it), and whether words
   * how the text is read besides as written ({@link Readings#AS_WRITTEN} where the file predates that).
   */
  public record Settings(double[][] stack, int windows, int wholeUpTo, String encoder, Readings readings) {}

  /** The encoder of the first fine-tuned networks, which did not name theirs. */
  public static final String FIRST_ENCODER = "all-MiniLM-L6-v2";

  /** The stacker from {@link #STACK_FILE}; absent (null stream): the transformer alone, {0, 1, 0} per category. */
  public static double[][] readStack(InputStream in) throws IOException {
    return readSettings(in).stack();
  }

  public static Settings readSettings(InputStream in) throws IOException {
    double[][] stack = new double[Category.values().length][];
    var root = in == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    for (Category c : Category.values()) {
      var n = root == null ? null : root.path(c.key()).path("stack");
      stack[c.ordinal()] = n == null || n.size() != 3 ? new double[] {0, 1, 0}
          : new double[] {n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble()};
    }
    int windows = root == null ? 1 : root.path("windows").asInt(1);
    if (windows < 1) throw new IOException(STACK_FILE + ": windows must be at least 1, was " + windows);
    int wholeUpTo = root == null ? MAX_PIECES : root.path("wholeUpTo").asInt(MAX_PIECES);
    if (wholeUpTo < MAX_PIECES || wholeUpTo > MAX_POSITIONS) {
      throw new IOException(STACK_FILE + ": wholeUpTo must be " + MAX_PIECES + " to " + MAX_POSITIONS + ", was " + wholeUpTo);
    }
    String encoder = root == null ? FIRST_ENCODER : root.path("encoder").asText(FIRST_ENCODER);
    Readings readings = root == null ? Readings.AS_WRITTEN
        : new Readings(root.path("respell").asBoolean(false), root.path("splitJoined").asBoolean(false));
    return new Settings(stack, windows, wholeUpTo, encoder, readings);
  }
}
