package parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: hands the arguments to picocli. Each feature's command lives in {@code parley.cli}. */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    version = "Parley 0.1.0",
    description = "Self-hosted comments with in-process moderation.",
    subcommands = {
      ServeCommand.class,
      AdminCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      UserCommand.class,
      GenerateCommand.class,
      ModerateCommand.class,
      ClassifyCommand.class,
      TrainCommand.class,
      ApiKeyCommand.class,
      FeedbackCommand.class,
    })
public final class Parley implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = ErrorReport.VERBOSE, scope = CommandLine.ScopeType.INHERIT,
      description = "On an error, print the stack trace too.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new Parley()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new ErrorReport());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
