package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.importing.Fixtures;
import parley.testing.TempDirs;

/** A failing command prints one clear line; the stack trace only with --verbose. */
class CliErrorsTest {
  Path dir;

  @BeforeEach
  void dataDir() throws Exception {
    dir = Files.createTempDirectory("parley-cli-");
  }

  @AfterEach
  void clean() {
    TempDirs.deleteQuietly(dir);
  }

  /** Runs the command line as {@code main} does (without exiting); returns exit code and everything on stderr. */
  record Run(int code, String stderr) {}

  Run run(String... args) {
    StringWriter picocliErr = new StringWriter();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      int code = Parley.commandLine().setErr(new PrintWriter(picocliErr, true)).execute(args);
      return new Run(code, picocliErr + systemErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(before);
    }
  }

  @Test
  void aBadImportFileGivesTheMessageWithoutAStackTrace() {
    Run r = run("import", "disqus", Fixtures.file("disqus-malformed.xml").toString(), "--site", "blog",
        "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: ", "line 17", "--verbose").doesNotContain("\tat ", "at parley.");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Run r = run("import", "disqus", Fixtures.file("disqus-malformed.xml").toString(), "--site", "blog",
        "--data-dir", dir.toString(), "--verbose");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: ", "line 17", "at parley.importing.");
  }

  @Test
  void aMissingFileIsOneLineNamingIt() {
    Run r = run("import", "wordpress", dir.resolve("nope.xml").toString(), "--site", "blog", "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: no such file: ", "nope.xml").doesNotContain("at parley.", "at java.");
  }
}
