package parley.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How any command's failure reaches the terminal: one line with the message (and its causes' messages), the stack
 * trace only with {@code --verbose}. Operators read the line; developers ask for the trace.
 */
public final class ErrorReport implements IExecutionExceptionHandler {
  public static final String VERBOSE = "--verbose";

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("Error: " + message(e)));
    if (verbose(parsed)) e.printStackTrace(err);
    else err.println("(run again with " + VERBOSE + " for the details)");
    err.flush();
    return cmd.getExitCodeExceptionMapper() != null ? cmd.getExitCodeExceptionMapper().getExitCode(e)
        : cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  /** One line: the message of the exception, or of its cause where the exception only wraps it. */
  static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t instanceof UncheckedIOException || t.getMessage() == null
        || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    String m = switch (t) {
      case NoSuchFileException n -> "no such file: " + n.getFile();
      case AccessDeniedException a -> "permission denied: " + a.getFile();
      default -> t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    };
    return m.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(VERBOSE)) return true;
    }
    return false;
  }
}
