package parley.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.importing.json.JsonExport;
import parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley export json|disqus --site S [--out FILE]}: writes a site's comments for backup or migration. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a site's comments.",
    subcommands = {ExportCommand.Json.class, ExportCommand.Disqus.class})
public final class ExportCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("Choose a format: parley export json --site S [--out FILE] (see --help)");
  }

  /** What the exports share: the store, the site, where to write. */
  abstract static class SiteExport implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--site", required = true, description = "Site to export.")
    String site;

    @Option(names = "--out", description = "File to write (default: standard output).")
    Path out;

    abstract void write(Database db, OutputStream out) throws Exception;

    @Override
    public Integer call() throws Exception {
      try (Database db = store.open();
          OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out), 1 << 16)) {
        write(db, os);
      }
      if (out != null) System.err.printf("Wrote %s (%,d bytes)%n", out, Files.size(out));
      return 0;
    }
  }

  @Command(name = "json", mixinStandardHelpOptions = true,
      description = "Parley JSON: complete and lossless, moderation history included (no credentials); "
          + "`parley import json` restores it.")
  static final class Json extends SiteExport {
    @Override
    void write(Database db, OutputStream out) {
      JsonExport.write(db, site, out);
    }
  }

  @Command(name = "disqus", mixinStandardHelpOptions = true,
      description = "Disqus export format (XML), readable by tools that import Disqus exports.")
  static final class Disqus extends SiteExport {
    @Override
    void write(Database db, OutputStream out) {
      parley.importing.disqus.DisqusExport.write(db, site, out);
    }
  }
}
