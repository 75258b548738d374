package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is written (INSERT, UPDATE, DELETE) only by the feature that owns it; another feature that needs a row
 * changed asks the owner's store or service, inside its own transaction where it must (a Handle parameter). Reads may
 * join across features (the moderation queue, the user pages and the exports are read models over comments, threads
 * and reports). The tables come from the migrations, so a new table without an owner fails here.
 */
class TableOwnershipTest {
  private static final Path MAIN = Path.of("src", "main", "java", "parley");
  private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration", "sqlite");

  /** Table → the package (under parley) that owns it. */
  private static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("comments", "comment"), Map.entry("votes", "comment"), Map.entry("idempotency_keys", "comment"),
      Map.entry("threads", "thread"), Map.entry("thread_aliases", "thread"), Map.entry("thread_sources", "thread"),
      Map.entry("article_defaults", "thread"),
      Map.entry("accounts", "auth"), Map.entry("sessions", "auth"), Map.entry("site_roles", "auth"),
      Map.entry("site_secrets", "auth"),
      Map.entry("password_resets", "account"),
      Map.entry("sites", "site"),
      Map.entry("bans", "moderation"), Map.entry("site_policies", "moderation"),
      Map.entry("reports", "moderation.queue"), Map.entry("audit_log", "moderation.queue"),
      Map.entry("author_notes", "moderation.queue"), Map.entry("claims", "moderation.queue"),
      Map.entry("live_events", "live"),
      Map.entry("reply_subscriptions", "notify"), Map.entry("signing_keys", "notify"),
      Map.entry("outbox", "mail"),
      Map.entry("webhooks", "webhook"),
      Map.entry("site_defence", "defence"), Map.entry("defence_secret", "defence"), Map.entry("pow_spent", "defence"),
      Map.entry("analysis_keys", "analysis"), Map.entry("analysis_usage", "analysis"),
      Map.entry("analysis_feedback", "analysis"),
      Map.entry("import_runs", "importing"), Map.entry("pending_repairs", "importing"));

  /** Classes allowed to write other features' tables, each with the reason. Keep this short. */
  private static final Map<String, String> EXCEPTIONS = Map.of(
      // the bulk import writer: a million rows in batches of raw multi-row statements, no per-row service call
      "importing", "bulk import writer",
      // GDPR erasure and export: every row about one person, in one transaction, across every feature
      "account/AccountData.java", "erasure of a reader's own account",
      // a profile change writes the account row that auth reads (display name, email preferences)
      "account/ProfileStore.java", "a reader's profile fields on their account");

  private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_]+)\\b",
      Pattern.CASE_INSENSITIVE);

  @Test
  void everyTableHasAnOwner() {
    assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables());
  }

  @Test
  void onlyTheOwnerWritesATable() {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles()) {
      String relative = MAIN.relativize(file).toString().replace('\\', '/');
      String pkg = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')).replace('/', '.') : "";
      if (excepted(relative)) continue;
      for (String table : writes(read(file))) {
        String owner = OWNERS.get(table);
        if (owner != null && !pkg.equals(owner) && !pkg.startsWith(owner + ".")) {
          violations.add(relative + " writes " + table + ", which belongs to parley." + owner);
        }
      }
    }
    assertThat(violations).as("writes to another feature's table").isEmpty();
  }

  @Test
  void aViolationIsFoundAndNamed() {
    assertThat(writes("h.createUpdate(\"UPDATE comments SET state = :s\")")).containsExactly("comments");
    assertThat(writes("\"\"\"\n  DELETE FROM reply_subscriptions WHERE x\"\"\"")).containsExactly("reply_subscriptions");
    assertThat(writes("// the updated comments are counted")).isEmpty(); // English "update", no table after it
  }

  private static boolean excepted(String relative) {
    return EXCEPTIONS.keySet().stream().anyMatch(e -> relative.equals(e) || relative.startsWith(e + "/"));
  }

  private static Set<String> writes(String source) {
    Set<String> tables = new TreeSet<>();
    Matcher m = WRITE.matcher(source);
    while (m.find()) {
      String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (OWNERS.containsKey(table)) tables.add(table);
    }
    return tables;
  }

  private static Set<String> tables() {
    Set<String> created = new TreeSet<>();
    Pattern create = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)", Pattern.CASE_INSENSITIVE);
    Pattern dropped = Pattern.compile("DROP TABLE (?:IF EXISTS )?([a-z_]+)", Pattern.CASE_INSENSITIVE);
    Pattern renamed = Pattern.compile("ALTER TABLE ([a-z_]+) RENAME TO ([a-z_]+)", Pattern.CASE_INSENSITIVE);
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      // in version order, so a table rebuilt under a temporary name ends under its own
      for (Path f : files.sorted(java.util.Comparator.comparing(TableOwnershipTest::version)).toList()) {
        String sql = read(f);
        Matcher c = create.matcher(sql);
        while (c.find()) created.add(c.group(1).toLowerCase(java.util.Locale.ROOT));
        Matcher d = dropped.matcher(sql);
        while (d.find()) created.remove(d.group(1).toLowerCase(java.util.Locale.ROOT));
        Matcher r = renamed.matcher(sql);
        while (r.find()) {
          created.remove(r.group(1).toLowerCase(java.util.Locale.ROOT));
          created.add(r.group(2).toLowerCase(java.util.Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return created;
  }

  private static java.math.BigDecimal version(Path migration) {
    String name = migration.getFileName().toString();
    return new java.math.BigDecimal(name.substring(1, name.indexOf("__")).replace('_', '.'));
  }

  private static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
