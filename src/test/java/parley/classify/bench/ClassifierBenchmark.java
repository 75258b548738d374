package parley.classify.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.classify.Stage;

/**
 * Throughput of the shipped classifier. Fast stage on one thread for comments of 300 and 400 characters (the second
 * gives the cost per extra 100 characters); accurate stage with 2 threads (-t 2 on this 2-core machine).
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp-test.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat cp-test.txt) \
 *   org.openjdk.jmh.Main 'parley.classify.bench.ClassifierBenchmark.fast' -t 1
 * java ... org.openjdk.jmh.Main 'parley.classify.bench.ClassifierBenchmark.accurate$' -t 2 -p length=300
 * java ... org.openjdk.jmh.Main 'parley.classify.bench.ClassifierBenchmark.accurateLatency' -t 1 -p length=300
 * java ... org.openjdk.jmh.Main 'parley.classify.bench.ClassifierBenchmark.abusiveLatency' -t 1 -p length=300
 * </pre>
 *
 * <p>{@code -p spanBranch=off} loads the shipped model without its span branch (a copy of the folder without
 * {@code spans.onnx}): the cost of the branch is the difference, which only explained comments pay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class ClassifierBenchmark {
  @Param({"300", "400"})
  public int length;

  @Param({"on", "off"})
  public String spanBranch;

  private Classifier classifier;
  private String[] comments;
  private String[] abusive;

  /** Comment texts, extended and cut to exactly {@code length} characters. */
  private static final String[] SEEDS = {
      "I read the whole article and I still do not understand why the council decided to close the library. ",
      "You are an absolute idiot if you believe any of this, go back to school and learn to read you moron. ",
      "Check out my channel for more videos like this, subscribe and like, new uploads every single week! ",
      "The bomb went off in the market this morning; the police say three people were injured in the blast. ",
      "Honestly the referee ruined the match, that penalty was a joke and everyone in the stadium knew it. ",
  };

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    classifier = spanBranch.equals("on") ? Models.loadDefault() : Models.load(withoutBranch());
    comments = new String[64];
    for (int i = 0; i < comments.length; i++) {
      // one kind per comment: 3 in 5 clean, 1 abusive, 1 spam (spans are only computed for the flagged ones)
      StringBuilder sb = new StringBuilder();
      while (sb.length() < length) sb.append(SEEDS[i % SEEDS.length]).append(sb.length()).append(' ');
      comments[i] = sb.substring(0, length);
    }
    abusive = java.util.stream.IntStream.range(0, comments.length).filter(i -> i % SEEDS.length == 1)
        .mapToObj(i -> comments[i]).toArray(String[]::new);
    classifier.classify("warm up", Stage.ACCURATE);
  }

  /** The shipped model folder, copied without the span branch. */
  private static java.nio.file.Path withoutBranch() throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("parley-model");
    for (String f : new String[] {"model.json", "fast.bin.gz", "spans.tsv", "thresholds.json", "transformer.json", "transformer.onnx"}) {
      try (var in = Models.class.getResourceAsStream("/parley/model/" + f)) {
        java.nio.file.Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }

  private int next;

  @Benchmark
  public void fast(Blackhole bh) {
    Classification c = classifier.classify(comments[next++ & 63], Stage.FAST);
    bh.consume(c);
  }

  /** Latency distribution (p50/p99) of one accurate call: what the posting path adds. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Classification accurateLatency() {
    return classifier.classify(comments[next++ & 63], Stage.ACCURATE);
  }

  /** Latency of one accurate call on an abusive comment: scored and explained (with the branch: its call too). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Classification abusiveLatency() {
    return classifier.classify(abusive[next++ % abusive.length], Stage.ACCURATE);
  }

  @Benchmark
  public void accurate(Blackhole bh) {
    Classification c = classifier.classify(comments[next++ & 63], Stage.ACCURATE);
    bh.consume(c);
  }
}
