package parley.defence.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import parley.defence.ProofOfWork;

/**
 * What the server pays per comment for proof of work: one verify (a SHA-256 and an HMAC-SHA-256) and one issue. The
 * spent-solution insert is a database write like the comment's own and is not included.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp-test.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp-test.txt) org.openjdk.jmh.Main PowVerifyBenchmark -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PowVerifyBenchmark {
  private final ProofOfWork pow = new ProofOfWork("a secret of thirty-two bytes....".getBytes());
  private final Instant now = Instant.parse("2026-12-05T01:00:00Z");
  private ProofOfWork.Solution solution;

  @Setup
  public void solve() {
    var c = pow.issue("news", 1_000, now.plusSeconds(900));
    solution = new ProofOfWork.Solution(c.salt(), solveQuietly(c), c.signature());
  }

  private static long solveQuietly(ProofOfWork.Challenge c) {
    try {
      return BotCost.solve(c);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public ProofOfWork.Check verify() {
    return pow.verify(solution, "news", now);
  }

  @Benchmark
  public ProofOfWork.Challenge issue() {
    return pow.issue("news", 250_000, now);
  }
}
