package parley.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.importing.disqus.DisqusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley generate disqus}: writes a synthetic Disqus export for benchmarks and demos. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write synthetic data for benchmarks.",
    subcommands = {GenerateCommand.Disqus.class})
public final class GenerateCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("Usage: parley generate disqus --threads N --posts M --out FILE");
  }

  @Command(name = "disqus", mixinStandardHelpOptions = true, description = "A synthetic Disqus XML export.")
  static final class Disqus implements Callable<Integer> {
    @Option(names = "--threads", defaultValue = "10000", description = "Threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--posts", defaultValue = "1000000", description = "Posts (default ${DEFAULT-VALUE}).")
    long posts;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shuffle", description = "Write the posts in random order (most replies before their parents).")
    boolean shuffle;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
        DisqusGenerator generator = new DisqusGenerator(threads, posts, seed);
        (shuffle ? generator.shuffled() : generator).write(w);
      }
      System.out.printf("Wrote %,d threads and %,d posts to %s (%,d bytes)%n", threads, posts, out, Files.size(out));
      return 0;
    }
  }
}
