package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.importing.Fixtures;
import parley.testing.CliRun;
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

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aBadImportFileGivesTheMessageWithoutAStackTrace() {
    CliRun r = run("import", "disqus", Fixtures.file("disqus-malformed.xml").toString(), "--site", "blog",
        "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: ", "line 17", "--verbose").doesNotContain("\tat ", "at parley.");
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun r = run("import", "disqus", Fixtures.file("disqus-malformed.xml").toString(), "--site", "blog",
        "--data-dir", dir.toString(), "--verbose");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: ", "line 17", "at parley.importing.");
  }

  @Test
  void aMissingFileIsOneLineNamingIt() {
    CliRun r = run("import", "wordpress", dir.resolve("nope.xml").toString(), "--site", "blog", "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error: no such file: ", "nope.xml").doesNotContain("at parley.", "at java.");
  }

  /** model.dir (PARLEY_MODEL_DIR) is the model serve and moderate load: a folder without one is one line naming it. */
  @Test
  void theConfiguredModelFolderIsWhatServeAndModerateLoad() throws Exception {
    Path missing = dir.resolve("adapted-model");
    Path config = Files.writeString(dir.resolve("parley.properties"), "model.dir=" + missing + "\n");
    CliRun moderate = run("moderate", "--site", "blog", "--config", config.toString(), "--data-dir", dir.toString());
    assertThat(moderate.code()).isEqualTo(1);
    assertThat(moderate.stderr()).contains("no model in " + missing.toAbsolutePath());
    CliRun serve = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> run("serve", "--config", config.toString(), "--data-dir", dir.toString(), "--port", "0", "--no-demo"));
    assertThat(serve.code()).isEqualTo(1);
    assertThat(serve.stderr()).contains("no model in " + missing.toAbsolutePath()).doesNotContain("\tat ");
  }
}
