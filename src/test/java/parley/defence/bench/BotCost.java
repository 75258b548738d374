package parley.defence.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import parley.defence.ProofOfWork;

/**
 * A bot's cost for proof of work: solves N challenges at a difficulty the way a careful bot would (one reused
 * digest, bytes compared, no hex), on one thread, and prints the CPU seconds per 1,000 comments.
 * Run by bench/pow-bot-cost.sh.
 */
public final class BotCost {
  private BotCost() {}

  public static void main(String[] args) throws Exception {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long difficulty = args.length > 1 ? Long.parseLong(args[1]) : parley.defence.DefenceSettings.DEFAULT_DIFFICULTY;
    ProofOfWork pow = new ProofOfWork("bot-cost secret, thirty-two byte".getBytes());
    var threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 20; i++) solve(pow.issue("news", difficulty, Instant.now().plusSeconds(900))); // JIT warm-up
    long hashes = 0;
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < posts; i++) hashes += solve(pow.issue("news", difficulty, Instant.now().plusSeconds(900))) + 1;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    System.out.printf("%d posts at difficulty %,d: %,d hashes, %.1f CPU-s (%.1f s wall) = %.1f CPU-s per 1,000 posts, "
        + "%.2f M hashes/CPU-s%n", posts, difficulty, hashes, cpu, wall, cpu * 1000 / posts, hashes / cpu / 1e6);
  }

  /** The number that solves {@code c}. */
  public static long solve(ProofOfWork.Challenge c) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] want = HexFormat.of().parseHex(c.challenge());
    byte[] salt = c.salt().getBytes(StandardCharsets.US_ASCII);
    for (long n = 0; n <= c.maxNumber(); n++) {
      sha.update(salt);
      if (MessageDigest.isEqual(sha.digest(Long.toString(n).getBytes(StandardCharsets.US_ASCII)), want)) return n;
    }
    throw new IllegalStateException("unsolvable");
  }
}
