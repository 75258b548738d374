package parley.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import parley.importing.UserData;
import parley.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley user export|erase --email E}: answers GDPR access and erasure requests. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Export or erase one person's comments (GDPR).",
    subcommands = {UserCommand.Export.class, UserCommand.Erase.class})
public final class UserCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("Usage: parley user export|erase --email E [--site S] (see --help)");
  }

  /** Who, and where. */
  static final class Who {
    @Option(names = "--email", required = true, description = "The person's email address.")
    String email;

    @Option(names = "--username", required = true, description = "The person's username (from an import).")
    String username;
  }

  abstract static class PersonCommand implements Callable<Integer> {
    @Mixin StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--site", description = "Only this site (default: every site).")
    String site;

    UserData.Person person() {
      return new UserData.Person(who.email, who.username, site);
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the person's comments as JSON.")
  static final class Export extends PersonCommand {
    @Option(names = "--out", description = "File to write (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
      try (Database db = store.open();
          OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out))) {
        long n = UserData.export(db, person(), os);
        os.flush();
        System.err.printf("Exported %,d comments.%n", n);
      }
      return 0;
    }
  }

  @Command(name = "erase", mixinStandardHelpOptions = true,
      description = "Replace the person's comments with \"[deleted]\" placeholders; replies keep their place.")
  static final class Erase extends PersonCommand {
    @Option(names = "--yes", description = "Do it (without this, only counts what would be erased).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
      try (Database db = store.open()) {
        if (!yes) {
          long n = UserData.export(db, person(), OutputStream.nullOutputStream());
          System.out.printf("Would erase %,d comments; run again with --yes to erase them.%n", n);
          return 0;
        }
        System.out.printf("Erased %,d comments (kept as \"%s\" placeholders).%n", UserData.erase(db, person()),
            UserData.ERASED);
      }
      return 0;
    }
  }
}
