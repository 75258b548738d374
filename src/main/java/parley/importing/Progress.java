package parley.importing;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports how far a long job is: a bar with rate and ETA redrawn in place on a terminal, or a plain line every few
 * seconds when the output is a file or pipe. The fraction done comes from bytes read out of the input. Thread-safe.
 */
public final class Progress {
  private static final long TTY_EVERY_NANOS = 250_000_000L;
  private static final long LOG_EVERY_NANOS = 5_000_000_000L;
  private final PrintStream out;
  private final boolean tty;
  private final long totalBytes;
  private final LongSupplier bytesRead;
  private final String unit;
  private final long start = System.nanoTime();
  private long lastPrint = start;
  private boolean printed;

  private Progress(PrintStream out, boolean tty, long totalBytes, LongSupplier bytesRead, String unit) {
    this.out = out;
    this.tty = tty;
    this.totalBytes = totalBytes;
    this.bytesRead = bytesRead;
    this.unit = unit;
  }

  /** Reports nothing (tests, API uploads). */
  public static Progress none() {
    return new Progress(null, false, 0, () -> 0, "");
  }

  /** Reports to {@code out}; {@code tty} picks the redrawn bar over periodic lines. */
  public static Progress to(PrintStream out, boolean tty, long totalBytes, LongSupplier bytesRead, String unit) {
    return new Progress(out, tty, totalBytes, bytesRead, unit);
  }

  /** True when standard output is an interactive terminal. */
  public static boolean stdoutIsTerminal() {
    return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
  }

  public synchronized void update(long done) {
    if (out == null) return;
    long now = System.nanoTime();
    if (now - lastPrint < (tty ? TTY_EVERY_NANOS : LOG_EVERY_NANOS)) return;
    lastPrint = now;
    print(done, now);
  }

  /** Prints the final state and ends the bar's line. */
  public synchronized void finish(long done) {
    if (out == null || (!tty && !printed)) return;
    print(done, System.nanoTime());
    if (tty) out.println();
  }

  private void print(long done, long now) {
    printed = true;
    double fraction = totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead.getAsLong() / totalBytes);
    String line = line(fraction, done, (now - start) / 1e9, unit, tty);
    if (tty) {
      out.print("\r" + line + "\u001b[K");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** One report, e.g. {@code [#########-----------]  45%  123,456 comments  80,321/s  ETA 0:12}. */
  static String line(double fraction, long done, double seconds, String unit, boolean bar) {
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = fraction > 0.001 ? clock(seconds * (1 - fraction) / fraction) : "?";
    String text = String.format(Locale.ROOT, "%3d%%  %,d %s  %,.0f/s  ETA %s  elapsed %s",
        Math.round(fraction * 100), done, unit, rate, eta, clock(seconds));
    if (!bar) return text;
    int filled = (int) Math.round(fraction * 24);
    return "[" + "#".repeat(filled) + "-".repeat(24 - filled) + "] " + text;
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
