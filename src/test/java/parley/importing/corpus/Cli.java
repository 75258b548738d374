package parley.importing.corpus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import parley.cli.Parley;

/** One in-process `parley` command against a data directory: its exit code and what it printed (stdout and stderr). */
record Cli(int exit, String out) {
  static Cli run(Path dataDir, String... args) {
    PrintStream out = System.out, err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream to = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(to);
    System.setErr(to);
    try {
      String[] all = Stream.concat(Arrays.stream(args), Stream.of("--data-dir", dataDir.toString()))
          .toArray(String[]::new);
      return new Cli(Parley.commandLine().execute(all), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
