package parley.ops;

import java.util.List;
import java.util.Optional;

/**
 * A server started by a plain {@code java -jar} runs without the heap limit that {@code ./parley serve} and the
 * distribution's {@code bin/parley} pass (dist/jvm.options), and the JVM's default lets its heap grow to a quarter of
 * the machine's memory: say so once at start, where an operator will see it, rather than let it surprise them later.
 */
public final class HeapHint {
  /** A heap ceiling above this was not chosen for Parley (the launcher's is 256 MB). */
  static final long CHOSEN_CEILING_BYTES = 1L << 30;

  private HeapHint() {}

  /** The hint for a JVM started with {@code jvmArguments} whose heap may reach {@code maxHeapBytes}; empty if it was limited. */
  static Optional<String> message(List<String> jvmArguments, long maxHeapBytes) {
    boolean limited = jvmArguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize=")
        || a.startsWith("-XX:MaxRAMPercentage=") || a.startsWith("-XX:MaxRAM="));
    if (limited || maxHeapBytes <= CHOSEN_CEILING_BYTES) return Optional.empty();
    return Optional.of(String.format(java.util.Locale.ROOT, "Started without a heap limit: the heap may grow to %d MB."
        + " ./parley serve and bin/parley start with the flags in dist/jvm.options (a 256 MB heap, ~400 MB in all);"
        + " pass them to java -jar too (docs/operations.md, \"Memory\")", maxHeapBytes >> 20));
  }

  /** The hint for this JVM, if any. */
  public static Optional<String> forThisJvm() {
    return message(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Runtime.getRuntime().maxMemory());
  }
}
