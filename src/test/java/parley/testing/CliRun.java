package parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import parley.cli.Parley;

/** A run of the command line as {@code main} does it (without exiting): its exit code, stderr and stdout. */
public record CliRun(int code, String stderr, String stdout) {
  // synchronized: a run swaps the process's System.out and System.err (and System.in, withStdin) while it lasts
  /** As {@link #of}, with {@code stdin} as the process's standard input for the run. */
  public static synchronized CliRun withStdin(java.nio.file.Path stdin, String... args) throws java.io.IOException {
    java.io.InputStream before = System.in;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(stdin)) {
      System.setIn(in);
      return of(args);
    } finally {
      System.setIn(before);
    }
  }

  public static synchronized CliRun of(String... args) {
    StringWriter picocliErr = new StringWriter();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
    PrintStream before = System.err;
    PrintStream beforeOut = System.out;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
    try {
      int code = Parley.commandLine(args).setErr(new PrintWriter(picocliErr, true)).execute(args);
      return new CliRun(code, picocliErr + systemErr.toString(StandardCharsets.UTF_8),
          systemOut.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(before);
      System.setOut(beforeOut);
    }
  }
}
