package parley.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.analysis.FeedbackExport;
import parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley feedback export}: moderators' verdicts from comments:suggestscore as datasets-schema JSONL. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
    description = "Moderators' verdicts received through comments:suggestscore.",
    subcommands = {FeedbackCommand.Export.class})
public final class FeedbackCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the feedback as JSONL (id, text, split, labels, meta), as in ../shared/datasets.")
  static final class Export implements Callable<Integer> {
    @Mixin StoreOptions database;

    @Option(names = "--out", description = "File to write (default: standard output)")
    Path out;

    @Override
    public Integer call() throws Exception {
      try (Database db = database.open();
          Writer writer = out == null
              ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
              : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        int n = FeedbackExport.writeJsonl(db, writer);
        System.err.println(n + " labelled comments exported" + (out == null ? "" : " to " + out));
      }
      return 0;
    }
  }
}
