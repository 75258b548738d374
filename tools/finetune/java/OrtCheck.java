import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verification helper for tools/finetune (run as a single-file program on the project's class path):
 *
 * <pre>
 * java -cp $(cat cp.txt) OrtCheck.java tokenize TOKENIZER.json TEXTS.jsonl OUT.txt   (one JSON string per line)
 * java -cp $(cat cp.txt) OrtCheck.java run MODEL.onnx IDS.txt OUT.txt              (space-separated ids per line)
 * java -cp $(cat cp.txt) OrtCheck.java batch MODEL.onnx IDS.txt OUT.txt            (all lines as one padded batch)
 * java -cp $(cat cp.txt) OrtCheck.java teacher MODEL.onnx ROWS.jsonl OUT.txt       (the "ids" of each prepared row)
 * java -cp $(cat cp.txt) OrtCheck.java optimize MODEL.onnx OUT.onnx               (ONNX Runtime's EXTENDED-level graph)
 * java -cp $(cat cp.txt) OrtCheck.java latency MODEL.onnx PIECES CALLS [PROFILE]    (one thread, as the product runs it)
 * java -cp $(cat cp.txt) OrtCheck.java hidden MODEL.onnx OUTPUT ROWS.jsonl PREFIX   (one layer's token vectors per window)
 * java -cp $(cat cp.txt) OrtCheck.java branch SPANS.onnx PREFIX OUT.txt            (the span branch over those vectors)
 * </pre>
 *
 * "tokenize" writes the DJL HuggingFaceTokenizer ids (attention-masked) per line; "run" feeds each line as a batch of
 * one through ONNX Runtime and writes the first output (mean-pooled over tokens when it is [1, T, H]).
 */
public class OrtCheck {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("tokenize")) {
      ObjectMapper om = new ObjectMapper();
      try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(Path.of(args[1]));
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
        for (String line : Files.readAllLines(Path.of(args[2]))) {
          String text = om.readValue(line, String.class);
          Encoding e = tok.encode(text);
          long[] ids = e.getIds();
          long[] mask = e.getAttentionMask();
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < ids.length; i++) if (mask[i] == 1) sb.append(sb.isEmpty() ? "" : " ").append(ids[i]);
          out.println(sb);
        }
      }
    } else if (args[0].equals("optimize")) {
      // the graph ONNX Runtime runs after its portable fusions (no hardware-specific layouts): what fuse.py rewrites
      OrtSession.SessionOptions opt = new OrtSession.SessionOptions();
      opt.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
      opt.setOptimizedModelFilePath(args[2]);
      OrtEnvironment.getEnvironment().createSession(args[1], opt).close();
    } else if (args[0].equals("latency")) {
      latency(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? args[4] : null);
    } else if (args[0].equals("hidden")) {
      hidden(args[1], args[2], Path.of(args[3]), Path.of(args[4]));
    } else if (args[0].equals("branch")) {
      branch(args[1], Path.of(args[2]), Path.of(args[3]));
    } else if (args[0].equals("teacher")) {
      teacher(args[1], Path.of(args[2]), Path.of(args[3]));
    } else if (args[0].equals("batch")) {
      // all lines as one zero-padded batch (attention_mask 0 on padding); writes one probs row per line
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession s = env.createSession(args[1], new OrtSession.SessionOptions());
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
        List<String> lines = Files.readAllLines(Path.of(args[2]));
        int t = lines.stream().mapToInt(l -> l.trim().split(" ").length).max().orElse(1);
        long[][] ids = new long[lines.size()][t];
        long[][] mask = new long[lines.size()][t];
        for (int r = 0; r < lines.size(); r++) {
          String[] p = lines.get(r).trim().split(" ");
          for (int i = 0; i < p.length; i++) {
            ids[r][i] = Long.parseLong(p[i]);
            mask[r][i] = 1;
          }
        }
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(env, ids));
        in.put("attention_mask", OnnxTensor.createTensor(env, mask));
        try (OrtSession.Result res = s.run(in)) {
          for (float[] row : (float[][]) res.get(0).getValue()) out.println(joined(row));
        }
      }
    } else {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions opt = new OrtSession.SessionOptions();
      opt.setIntraOpNumThreads(1);
      try (OrtSession s = env.createSession(args[1], opt);
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
        List<String> lines = Files.readAllLines(Path.of(args[2]));
        long t0 = 0;
        int n = 0;
        for (String line : lines) {
          String[] p = line.trim().split(" ");
          long[][] ids = new long[1][p.length];
          long[][] mask = new long[1][p.length];
          long[][] types = new long[1][p.length];
          for (int i = 0; i < p.length; i++) {
            ids[0][i] = Long.parseLong(p[i]);
            mask[0][i] = 1;
          }
          Map<String, OnnxTensor> in = new HashMap<>();
          in.put("input_ids", OnnxTensor.createTensor(env, ids));
          in.put("attention_mask", OnnxTensor.createTensor(env, mask));
          if (s.getInputNames().contains("token_type_ids")) in.put("token_type_ids", OnnxTensor.createTensor(env, types));
          long a = System.nanoTime();
          try (OrtSession.Result r = s.run(in)) {
            if (n++ >= 5) t0 += System.nanoTime() - a;
            Object v = r.get(0).getValue();
            float[] row;
            if (v instanceof float[][][] h) {
              row = new float[h[0][0].length];
              for (float[] tok : h[0]) for (int j = 0; j < row.length; j++) row[j] += tok[j] / h[0].length;
            } else {
              row = ((float[][]) v)[0];
            }
            out.println(joined(row));
          }
          for (OnnxTensor t : in.values()) t.close();
        }
        System.err.printf("ms per comment (batch 1, 1 thread, after 5 warm-up): %.2f%n", t0 / 1e6 / Math.max(1, n - 5));
      }
    }
  }

  /**
   * A trained network's probabilities for every prepared row (its "ids", the window train.py trains on), one line of
   * space-separated probabilities per row in file order: the soft targets train.py --teacher distils from.
   */
  static void teacher(String model, Path rowsFile, Path outFile) throws Exception {
    ObjectMapper om = new ObjectMapper();
    List<String> lines = Files.readAllLines(rowsFile);
    long[][] rows = new long[lines.size()][];
    for (int r = 0; r < rows.length; r++) {
      var ids = om.readTree(lines.get(r)).get("ids");
      rows[r] = new long[ids.size()];
      for (int i = 0; i < ids.size(); i++) rows[r][i] = ids.get(i).asLong();
    }
    Integer[] order = new Integer[rows.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> rows[i].length));
    float[][] probs = new float[rows.length][];
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions opt = new OrtSession.SessionOptions();
    opt.setIntraOpNumThreads(2);
    long t0 = System.nanoTime();
    try (OrtSession s = env.createSession(model, opt)) {
      for (int b = 0; b < order.length; b += 32) {
        int n = Math.min(32, order.length - b);
        int t = rows[order[b + n - 1]].length;
        long[][] ids = new long[n][t];
        long[][] mask = new long[n][t];
        for (int k = 0; k < n; k++) {
          long[] x = rows[order[b + k]];
          System.arraycopy(x, 0, ids[k], 0, x.length);
          for (int i = 0; i < x.length; i++) mask[k][i] = 1;
        }
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(env, ids));
        in.put("attention_mask", OnnxTensor.createTensor(env, mask));
        try (OrtSession.Result res = s.run(in)) {
          float[][] p = (float[][]) res.get(0).getValue();
          for (int k = 0; k < n; k++) probs[order[b + k]] = p[k];
        }
        for (OnnxTensor x : in.values()) x.close();
        if ((b / 32) % 100 == 0) System.err.printf("teacher %d/%d rows, %.0f s%n", b + n, rows.length, (System.nanoTime() - t0) / 1e9);
      }
    }
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(outFile))) {
      for (float[] row : probs) out.println(joined(row));
    }
  }

  /** One output row as the Python side reads it: space-separated floats. */
  static String joined(float[] row) {
    StringBuilder sb = new StringBuilder();
    for (float f : row) sb.append(sb.isEmpty() ? "" : " ").append(f);
    return sb.toString();
  }

  /**
   * Median, p10 and p90 of one call of PIECES random word pieces ([CLS] … [SEP]), batch 1, one intra-op thread (the
   * product's settings), after 30 warm-up calls; with PROFILE, ONNX Runtime's per-node profile is written under that
   * prefix (profile_ops.py sums it per operator).
   */
  static void latency(String model, int pieces, int calls, String profile) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions opt = new OrtSession.SessionOptions();
    opt.setIntraOpNumThreads(1);
    opt.setInterOpNumThreads(1);
    if (profile != null) opt.enableProfiling(profile);
    try (OrtSession s = env.createSession(model, opt)) {
      java.util.Random random = new java.util.Random(1);
      long[][] ids = new long[1][pieces];
      long[][] mask = new long[1][pieces];
      for (int i = 0; i < pieces; i++) {
        ids[0][i] = 1000 + random.nextInt(28_000);
        mask[0][i] = 1;
      }
      ids[0][0] = 101;
      ids[0][pieces - 1] = 102;
      Map<String, OnnxTensor> in = Map.of("input_ids", OnnxTensor.createTensor(env, ids),
          "attention_mask", OnnxTensor.createTensor(env, mask));
      for (int i = 0; i < 30; i++) s.run(in).close();
      long[] t = new long[calls];
      for (int i = 0; i < calls; i++) {
        long a = System.nanoTime();
        s.run(in).close();
        t[i] = System.nanoTime() - a;
      }
      java.util.Arrays.sort(t);
      System.out.printf("%s, %d pieces: median %.2f ms, p10 %.2f, p90 %.2f%n", model, pieces, t[calls / 2] / 1e6,
          t[calls / 10] / 1e6, t[calls * 9 / 10] / 1e6);
      if (profile != null) System.out.println("profile: " + s.endProfiling());
    }
  }

  /**
   * For each row of a dataset file (its "text"), the windows the product reads (the whole comment up to 96 pieces, else
   * the head and the end, 64 each) and, per window, the named intermediate output of MODEL (a copy of the network with
   * that tensor added as a graph output: {@code spans.py add-output}): PREFIX.idx gets one line per window,
   * {@code row start-piece pieces} followed by each piece's character range as start,end ([CLS]/[SEP]: -1,-1), and
   * PREFIX.f16 the window's [pieces, hidden] vectors as little-endian float16. What spans.py trains the span branch on.
   */
  static void hidden(String model, String output, Path rowsFile, Path prefix) throws Exception {
    ObjectMapper om = new ObjectMapper();
    List<String> lines = Files.readAllLines(rowsFile);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions opt = new OrtSession.SessionOptions();
    opt.setIntraOpNumThreads(2);
    long t0 = System.nanoTime();
    try (var tokJson = OrtCheck.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(tokJson,
            Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
        OrtSession s = env.createSession(model, opt);
        PrintWriter idx = new PrintWriter(Files.newBufferedWriter(Path.of(prefix + ".idx")));
        var bin = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
            Files.newOutputStream(Path.of(prefix + ".f16")), 1 << 20))) {
      for (int r = 0; r < lines.size(); r++) {
        String text = om.readTree(lines.get(r)).path("text").asText("");
        if (text.length() > 4000) text = text.substring(0, 4000);
        Encoding e = tok.encode(text);
        long[] all = e.getIds();
        var spans = e.getCharTokenSpans();
        int n = all.length;
        List<Integer> starts = n <= 96 ? List.of(0) : List.of(0, n - 2 - 62); // body offsets of the 62-piece windows
        for (int start : starts) {
          int len = n <= 96 ? n : 64;
          long[] ids = new long[len];
          int[][] at = new int[len][];
          if (n <= 96) {
            ids = all;
            for (int i = 0; i < n; i++) at[i] = i == 0 || i == n - 1 || spans[i] == null ? new int[] {-1, -1}
                : new int[] {spans[i].getStart(), spans[i].getEnd()};
          } else {
            ids[0] = 101;
            ids[63] = 102;
            at[0] = at[63] = new int[] {-1, -1};
            for (int i = 1; i < 63; i++) {
              ids[i] = all[start + i];
              var sp = spans[start + i];
              at[i] = sp == null ? new int[] {-1, -1} : new int[] {sp.getStart(), sp.getEnd()};
            }
          }
          long[] mask = new long[len];
          java.util.Arrays.fill(mask, 1);
          try (OnnxTensor idT = OnnxTensor.createTensor(env, new long[][] {ids});
              OnnxTensor maskT = OnnxTensor.createTensor(env, new long[][] {mask});
              OrtSession.Result res = s.run(Map.of("input_ids", idT, "attention_mask", maskT), java.util.Set.of(output))) {
            float[][] h = ((float[][][]) res.get(0).getValue())[0];
            StringBuilder sb = new StringBuilder().append(r).append(' ').append(start).append(' ').append(len);
            for (int[] a : at) sb.append(' ').append(a[0]).append(',').append(a[1]);
            idx.println(sb);
            for (float[] row : h) for (float v : row) bin.writeShort(Short.reverseBytes(Float.floatToFloat16(v)));
          }
        }
        if (r % 1000 == 0) System.err.printf("hidden %d/%d rows, %.0f s%n", r, lines.size(), (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /**
   * The span branch (spans.onnx: tokens, attention_mask -> marks) over each window of a "hidden" dump, batch 1, one
   * thread as the product runs it: one line of space-separated marks per window, and the median time per call.
   */
  static void branch(String model, Path prefix, Path outFile) throws Exception {
    List<String> index = Files.readAllLines(Path.of(prefix + ".idx"));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions opt = new OrtSession.SessionOptions();
    opt.setIntraOpNumThreads(1);
    opt.setInterOpNumThreads(1);
    if (System.getenv("PROFILE") != null) opt.enableProfiling(System.getenv("PROFILE"));
    long[] times = new long[index.size()];
    try (OrtSession s = env.createSession(model, opt);
        var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(Path.of(prefix + ".f16")), 1 << 20));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(outFile))) {
      for (int w = 0; w < index.size(); w++) {
        int n = Integer.parseInt(index.get(w).split(" ")[2]);
        float[] tokens = new float[n * 384];
        for (int i = 0; i < tokens.length; i++) tokens[i] = Float.float16ToFloat(Short.reverseBytes(in.readShort()));
        long[][] mask = new long[1][n];
        java.util.Arrays.fill(mask[0], 1);
        try (OnnxTensor t = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(tokens), new long[] {1, n, 384});
            OnnxTensor m = OnnxTensor.createTensor(env, mask)) {
          long a = System.nanoTime();
          try (OrtSession.Result r = s.run(Map.of("tokens", t, "attention_mask", m))) {
            times[w] = System.nanoTime() - a;
            out.println(joined(((float[][]) r.get(0).getValue())[0]));
          }
        }
      }
    }
    java.util.Arrays.sort(times);
    System.err.printf("span branch: median %.2f ms per window over %d windows%n", times[times.length / 2] / 1e6, times.length);
  }
}
