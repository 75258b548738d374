package parley.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import parley.importing.DryRun;
import parley.importing.ImportLimits;
import parley.importing.ImportReport;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.importing.Progress;
import parley.site.SiteStore;
import parley.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley import disqus|wordpress FILE --site S}: streams an export of another comment system into a site. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import comments from another system.",
    subcommands = {ImportCommand.Disqus.class, ImportCommand.WordPress.class, ImportCommand.Remark42.class,
        ImportCommand.Commento.class, ImportCommand.Isso.class, ImportCommand.Json.class})
public final class ImportCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("Choose a format: parley import disqus|wordpress|remark42|commento|isso FILE --site S, or parley import json FILE (see --help)");
  }

  /** What the importers of other systems share. */
  abstract static class StreamedImport implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--site", required = true, description = "Site to import into (created if missing).")
    String site;

    @Option(names = "--page-key", defaultValue = "path",
        description = "How threads get their page key: path (of the URL, what the widget sends by default), url, "
            + "identifier (the old system's id). Default: ${DEFAULT-VALUE}.")
    PageKey pageKey;

    @Option(names = "--batch-size", defaultValue = "20000", description = "Records per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--dry-run", description = "Read the whole file and report what would be imported; write nothing.")
    boolean dryRun;

    abstract Imports.Format format();

    @Override
    public Integer call() throws Exception {
      // the whole file is checked first: a malformed one fails here, before the site or anything else is written
      DryRun check = Imports.dryRun(format(), file, pageKey);
      if (dryRun) {
        System.out.print("Dry run of " + file.getFileName() + ": nothing written. The file holds:\n"
            + ImportReport.kinds(check.counts()));
        if (check.warningCount() > 0) System.out.printf("%,d warnings:%n", check.warningCount());
        check.warnings().forEach(w -> System.out.println("  " + w));
        if (check.warningCount() > check.warnings().size()) {
          System.out.println("  ... and " + (check.warningCount() - check.warnings().size()) + " more");
        }
        return 0;
      }
      try (Database db = store.open()) {
        SiteStore sites = new SiteStore(db, java.time.Clock.systemUTC());
        if (sites.find(site).isEmpty()) {
          sites.upsert(site, site, List.of());
          System.out.println("Created site '" + site + "' (set its origins in the configuration).");
        }
        boolean tty = Progress.stdoutIsTerminal();
        ImportReport report = Imports.write(db, format(), site, file, pageKey,
            new Importer.Options(batchSize, Runtime.getRuntime().availableProcessors(), true)
                .withLimits(new ImportLimits(store.config().maxCommentChars())),
            (size, read) -> Progress.to(System.out, tty, size, read, "comments"), check.counts());
        System.out.print(report.summary());
        return 0;
      }
    }
  }

  @Command(name = "disqus", mixinStandardHelpOptions = true, description = "Import a Disqus XML export.")
  static final class Disqus extends StreamedImport {
    @Override
    Imports.Format format() {
      return Imports.Format.DISQUS;
    }
  }

  @Command(name = "wordpress", mixinStandardHelpOptions = true, description = "Import a WordPress export (WXR).")
  static final class WordPress extends StreamedImport {
    @Override
    Imports.Format format() {
      return Imports.Format.WORDPRESS;
    }
  }

  @Command(name = "remark42", mixinStandardHelpOptions = true,
      description = "Import a Remark42 backup (one JSON record per line, as `remark42 backup` writes it).")
  static final class Remark42 extends StreamedImport {
    @Override
    Imports.Format format() {
      return Imports.Format.REMARK42;
    }
  }

  @Command(name = "commento", aliases = "comentario", mixinStandardHelpOptions = true,
      description = "Import a Commento export, or Comentario's (version 3, or 2's Commento-shaped one); gzipped or not.")
  static final class Commento extends StreamedImport {
    @Override
    Imports.Format format() {
      return Imports.Format.COMMENTO;
    }
  }

  @Command(name = "isso", mixinStandardHelpOptions = true,
      description = "Import an Isso database (its SQLite file, e.g. comments.db; opened read-only).")
  static final class Isso extends StreamedImport {
    @Override
    Imports.Format format() {
      return Imports.Format.ISSO;
    }
  }

  @Command(name = "json", mixinStandardHelpOptions = true,
      description = "Restore a Parley JSON export (ids kept; importing it again updates instead of duplicating).")
  static final class Json implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--batch-size", defaultValue = "5000", description = "Rows per transaction.")
    int batchSize;

    @Override
    public Integer call() throws Exception {
      try (Database db = store.open(); var raw = java.nio.file.Files.newInputStream(file)) {
        var counted = new parley.importing.CountingInputStream(raw);
        Progress progress = Progress.to(System.out, Progress.stdoutIsTerminal(), java.nio.file.Files.size(file),
            counted::count, "comments");
        var result = parley.importing.json.JsonImport.read(db, new java.io.BufferedInputStream(counted, 1 << 16),
            batchSize, progress, new ImportLimits(store.config().maxCommentChars()));
        System.out.print(result.summary());
        return 0;
      }
    }
  }
}
