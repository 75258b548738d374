package parley.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code parley serve}: starts the HTTP server. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Parley server.")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
