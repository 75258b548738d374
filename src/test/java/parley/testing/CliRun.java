package parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import parley.cli.Parley;

/** A run of the command line as {@code main} does it (without exiting): its exit code and everything on stderr. */
public record CliRun(int code, String stderr) {
  public static CliRun of(String... args) {
    StringWriter picocliErr = new StringWriter();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      int code = Parley.commandLine().setErr(new PrintWriter(picocliErr, true)).execute(args);
      return new CliRun(code, picocliErr + systemErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(before);
    }
  }
}
