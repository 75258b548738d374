package parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: hands the arguments to picocli. Each feature's command lives in {@code parley.cli}. Building picocli's
 * model of every command costs ~0.4 s of start-up on a slow machine, so a run names its command first and only that
 * one is built ({@link #commandLine(String...)}); help and errors see them all.
 */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    version = "Parley 0.1.0",
    description = "Self-hosted comments with in-process moderation.")
public final class Parley implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = ErrorReport.VERBOSE, scope = CommandLine.ScopeType.INHERIT,
      description = "On an error, print the stack trace too.")
  boolean verbose;

  /** The subcommands, by name (aliases included), in the order help lists them. */
  static final java.util.Map<String, Class<?>> COMMANDS = commands(ServeCommand.class, AdminCommand.class,
      ImportCommand.class, ExportCommand.class, BackupCommand.class, UserCommand.class, GenerateCommand.class,
      ModerateCommand.class, ClassifyCommand.class, TrainCommand.class, ApiKeyCommand.class, FeedbackCommand.class);

  private static java.util.Map<String, Class<?>> commands(Class<?>... classes) {
    java.util.Map<String, Class<?>> out = new java.util.LinkedHashMap<>();
    for (Class<?> c : classes) {
      Command command = c.getAnnotation(Command.class);
      out.put(command.name(), c);
      for (String alias : command.aliases()) out.put(alias, c);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /** Every command: for help, and for tests that run several. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /** The command line for these arguments: only their command when they name one, else every command. */
  public static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new Parley());
    Class<?> named = args.length == 0 ? null : COMMANDS.get(args[0]);
    new java.util.LinkedHashSet<>(COMMANDS.values()).stream().filter(c -> named == null || c == named)
        .forEach(cl::addSubcommand);
    // set after the subcommands are added: picocli passes these settings only to the subcommands it has then
    return cl.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(new ErrorReport());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
