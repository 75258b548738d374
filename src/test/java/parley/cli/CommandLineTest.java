package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.classify.Stage;
import parley.testing.CliRun;

/** The command line main builds: only the command the arguments name (start-up time), all of them for help. */
class CommandLineTest {
  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    assertThat(Parley.commandLine("serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
    assertThat(Parley.commandLine("import", "disqus", "x.xml").getSubcommands()).containsOnlyKeys("import");
    assertThat(Parley.commandLine("--help").getSubcommands()).containsKeys("serve", "admin", "import", "export",
        "backup", "user", "generate", "moderate", "classify", "train", "apikey", "feedback");
    assertThat(Parley.commandLine().getSubcommands()).hasSameSizeAs(Parley.commandLine("no-such-command").getSubcommands());
  }

  @Test
  void settingsReachACommandBuiltAlone() {
    // lower-case "accurate" parses only where case-insensitive enums reached the command
    var cl = Parley.commandLine("serve", "--analysis-stage", "accurate");
    var parsed = cl.parseArgs("serve", "--analysis-stage", "accurate");
    ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
    assertThat(serve.analysisStage).isEqualTo(Stage.ACCURATE);
  }

  @Test
  void helpAndUnknownCommandsSeeEveryCommand() {
    CliRun help = CliRun.of("--help");
    assertThat(help.code()).isZero();
    assertThat(help.stdout()).contains("serve", "import", "moderate", "feedback");
    CliRun unknown = CliRun.of("serv");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("Unmatched argument", "Did you mean: parley serve");
  }
}
