package parley.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import parley.auth.Account;
import parley.auth.AccountStore;
import parley.auth.AuthService;
import parley.auth.LoginThrottle;
import parley.auth.Role;
import parley.auth.SessionStore;
import parley.site.SiteService;
import parley.site.SiteStore;
import parley.store.Database;
import parley.kit.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley admin create}: bootstraps an admin or moderator of a site from the command line. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manage dashboard accounts.",
    subcommands = AdminCommand.Create.class)
public final class AdminCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an account (or reset its password) and give it a role on a site.")
  static final class Create implements Callable<Integer> {
    @Option(names = "--email", required = true, description = "The account's email (its sign-in name).")
    String email;

    @Option(names = "--site", required = true, description = "Site id; created (with no allowed origins) if missing.")
    String site;

    @Option(names = "--role", defaultValue = "admin", description = "admin (default) or moderator.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @picocli.CommandLine.Mixin StoreOptions store;

    @Override
    public Integer call() throws Exception {
      if (!role.equals("admin") && !role.equals("moderator")) {
        System.err.println("--role is admin or moderator");
        return 2;
      }
      String password = password();
      if (password == null) return 2;
      try (Database db = store.open()) {
        java.time.Clock clock = java.time.Clock.systemUTC(); // a command is its own wiring, like App
        SiteService sites = new SiteService(new SiteStore(db, clock), clock);
        if (sites.find(site).isEmpty()) {
          sites.upsert(site, site, List.of());
          System.out.println("Created site '" + site + "' (add its origins with PARLEY_SITE_" + site.toUpperCase() + ").");
        }
        AccountStore accounts = new AccountStore(db, clock);
        AuthService auth = new AuthService(accounts, new SessionStore(db, clock), new LoginThrottle(clock));
        Account a = auth.createStaff(email, password, site, Role.fromKey(role));
        System.out.println(a.email() + " is now " + role + " of '" + site + "'. Sign in at /admin.");
        return 0;
      } catch (ApiException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }

    private String password() throws java.io.IOException {
      if (passwordStdin) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) System.err.println("No password on standard input.");
        return line == null || line.isEmpty() ? null : line;
      }
      Console console = System.console();
      if (console == null) {
        System.err.println("No terminal to prompt on: pass --password-stdin and pipe the password in.");
        return null;
      }
      char[] first = console.readPassword("Password for %s: ", email);
      char[] again = console.readPassword("Repeat it: ");
      if (first == null || !java.util.Arrays.equals(first, again)) {
        System.err.println("The passwords differ.");
        return null;
      }
      return new String(first);
    }
  }
}
