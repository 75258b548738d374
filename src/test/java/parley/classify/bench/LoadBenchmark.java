package parley.classify.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.classify.Stage;

/**
 * Cold start: a fresh JVM per measurement loads the shipped model and scores one comment (fast), and separately
 * with the first accurate call (starts ONNX Runtime). {@code org.openjdk.jmh.Main LoadBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
public class LoadBenchmark {
  @Benchmark
  public Object loadAndScoreFast() throws Exception {
    Classifier c = Models.loadDefault();
    return c.classify("first comment of the day", Stage.FAST);
  }

  @Benchmark
  public Object loadAndScoreAccurate() throws Exception {
    Classifier c = Models.loadDefault();
    return c.classify("first comment of the day", Stage.ACCURATE);
  }
}
