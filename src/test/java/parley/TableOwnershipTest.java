package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one feature package, and only that package names it in SQL; other features go through its
 * store or service. Tables come from the SQLite migrations, so a new table without an owner fails here. Reads that
 * cross a boundary are allowed only where {@link #READS} says why; writes never cross, but in the bulk import writer.
 */
class TableOwnershipTest {
  static final Path MAIN = Path.of("src/main/java");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/sqlite");

  /** Table → the package whose classes alone read and write it. */
  static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("sites", "parley.site"),
      Map.entry("threads", "parley.thread"),
      Map.entry("thread_aliases", "parley.thread"),
      Map.entry("thread_sources", "parley.thread"), // a thread's ids in the systems it was imported from
      Map.entry("article_defaults", "parley.thread"),
      Map.entry("comments", "parley.comment"),
      Map.entry("votes", "parley.comment"),
      Map.entry("idempotency_keys", "parley.comment"),
      Map.entry("accounts", "parley.auth"),
      Map.entry("site_roles", "parley.auth"),
      Map.entry("sessions", "parley.auth"),
      Map.entry("site_secrets", "parley.auth"),
      Map.entry("password_resets", "parley.account"),
      Map.entry("site_policies", "parley.moderation"),
      Map.entry("bans", "parley.moderation"),
      Map.entry("reports", "parley.moderation.queue"),
      Map.entry("audit_log", "parley.moderation.queue"),
      Map.entry("claims", "parley.moderation.queue"),
      Map.entry("author_notes", "parley.moderation.queue"),
      Map.entry("analysis_keys", "parley.analysis"),
      Map.entry("analysis_usage", "parley.analysis"),
      Map.entry("analysis_feedback", "parley.analysis"),
      Map.entry("site_defence", "parley.defence"),
      Map.entry("defence_secret", "parley.defence"),
      Map.entry("pow_spent", "parley.defence"),
      Map.entry("live_events", "parley.live"),
      Map.entry("outbox", "parley.mail"),
      Map.entry("reply_subscriptions", "parley.notify"),
      Map.entry("signing_keys", "parley.notify"),
      Map.entry("webhooks", "parley.webhook"),
      Map.entry("import_runs", "parley.importing"),
      Map.entry("pending_repairs", "parley.importing"));

  /** Packages (sub-packages included) or classes that may read and write any table, each with its reason. */
  static final Map<String, String> ANYWHERE = Map.of(
      "parley.importing", "the bulk import writer: batch inserts, repairs, exports and GDPR tools over whole archives",
      "parley.store.Backup", "copies and checks the whole database");

  /**
   * Package (exactly) or class → tables it may read (FROM/JOIN, never write) though another package owns them, and
   * why. These are joins: the rows they read are selected by columns of the reader's own tables or by the author.
   */
  static final Map<String, Map<String, String>> READS = Map.of(
      "parley.comment", Map.of(
          "threads", "comments carry only thread_id: feeds, events and a reader's history join the thread's site and page"),
      "parley.moderation.AuthorStore", Map.of(
          "comments", "the author's history the pipeline judges by: counts, trust, recent bodies, per site",
          "threads", "the site of each of those comments",
          "reports", "upheld reports on the author's comments count against trust"),
      "parley.moderation.queue", Map.of(
          "comments", "the queues (QueueStore, ReportStore, AuditStore, AuthorDirectory) rank and filter comments"
              + " by state, reports and author: a read model over them",
          "threads", "the queues filter by site and show each comment's page",
          "bans", "AuthorDirectory: one query lists authors with whether they are banned"));

  static final Pattern WRITE = Pattern.compile("\\b(?:INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_][a-z0-9_]*)\\b",
      Pattern.CASE_INSENSITIVE);
  static final Pattern READ = Pattern.compile("(?<!DELETE\\s)\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)\\b",
      Pattern.CASE_INSENSITIVE);

  @Test
  void everyTableHasOneOwner() {
    assertThat(OWNERS.keySet()).as("tables in the migrations, each with an owner in OWNERS")
        .containsExactlyInAnyOrderElementsOf(tablesFromMigrations());
  }

  @Test
  void onlyTheOwnerWritesATable() {
    assertThat(violations(WRITE, Map.of(), true)).as("SQL writing another feature's table").isEmpty();
  }

  @Test
  void otherFeaturesReadATableOnlyWhereListed() {
    assertThat(violations(READ, READS, false)).as("SQL reading another feature's table").isEmpty();
  }

  /** Every exception is still needed: an entry that matches no SQL any more is removed, not left to rot. */
  @Test
  void everyExceptionIsStillUsed() {
    Set<String> used = new TreeSet<>();
    for (Path file : sources()) {
      String cls = className(file);
      String sql = stringLiterals(read(file));
      for (Pattern p : List.of(READ, WRITE)) {
        Matcher m = p.matcher(sql);
        while (m.find()) used.add(packageOf(cls) + " " + m.group(1).toLowerCase());
        m = p.matcher(sql);
        while (m.find()) used.add(cls + " " + m.group(1).toLowerCase());
      }
    }
    List<String> stale = new ArrayList<>();
    READS.forEach((where, tables) -> tables.keySet().forEach(t -> {
      if (!used.contains(where + " " + t)) stale.add(where + " reads " + t);
    }));
    assertThat(stale).as("exceptions no SQL needs any more").isEmpty();
  }

  private static List<String> violations(Pattern pattern, Map<String, Map<String, String>> allowed, boolean write) {
    List<String> found = new ArrayList<>();
    for (Path file : sources()) {
      String cls = className(file);
      if (ANYWHERE.keySet().stream().anyMatch(a -> cls.equals(a) || cls.startsWith(a + "."))) continue;
      Matcher m = pattern.matcher(stringLiterals(read(file)));
      while (m.find()) {
        String table = m.group(1).toLowerCase();
        String owner = OWNERS.get(table);
        if (owner == null || owner.equals(packageOf(cls))) continue; // not a table (a subquery, SET, a column)
        if (allowed(allowed, cls, table)) continue;
        found.add(MAIN.relativize(file) + (write ? " writes " : " reads ") + table + ", owned by " + owner);
      }
    }
    return found.stream().distinct().toList();
  }

  private static boolean allowed(Map<String, Map<String, String>> allowed, String cls, String table) {
    return allowed.getOrDefault(cls, Map.of()).containsKey(table)
        || allowed.getOrDefault(packageOf(cls), Map.of()).containsKey(table);
  }

  /** Tables created by the migrations, in version order, less those dropped, with renames followed. */
  static Set<String> tablesFromMigrations() {
    Pattern create = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    Pattern drop = Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    Pattern rename = Pattern.compile("ALTER\\s+TABLE\\s+(\\w+)\\s+RENAME\\s+TO\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted(Comparator.comparing(TableOwnershipTest::version)).toList()) {
        for (String statement : read(f).replaceAll("--[^\n]*", "").split(";")) {
          Matcher m;
          if ((m = create.matcher(statement)).find()) tables.add(m.group(1).toLowerCase());
          if ((m = drop.matcher(statement)).find()) tables.remove(m.group(1).toLowerCase());
          if ((m = rename.matcher(statement)).find()) {
            tables.remove(m.group(1).toLowerCase());
            tables.add(m.group(2).toLowerCase());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tables;
  }

  /** V1_1__x.sql → 1.1: Flyway's order, not the file name's. */
  private static java.math.BigDecimal version(Path file) {
    return new java.math.BigDecimal(file.getFileName().toString().replaceFirst("^V", "").replaceFirst("__.*", "").replace('_', '.'));
  }

  /**
   * The contents of the string literals and text blocks of a Java source, one per line: where SQL lives. Comments and
   * code are left out, so a Javadoc that mentions a table is no violation.
   */
  static String stringLiterals(String java) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = java.length();
    while (i < n) {
      char c = java.charAt(i);
      if (java.startsWith("//", i)) {
        i = java.indexOf('\n', i);
        if (i < 0) break;
      } else if (java.startsWith("/*", i)) {
        i = java.indexOf("*/", i + 2) + 2;
        if (i < 2) break;
      } else if (java.startsWith("\"\"\"", i)) {
        int end = java.indexOf("\"\"\"", i + 3);
        while (end > 0 && java.charAt(end - 1) == '\\') end = java.indexOf("\"\"\"", end + 1);
        out.append(java, i + 3, end).append('\n');
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && java.charAt(j) != c) j += java.charAt(j) == '\\' ? 2 : 1;
        if (c == '"') out.append(java, i + 1, j).append('\n');
        i = j + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  static List<Path> sources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String className(Path file) {
    return MAIN.relativize(file).toString().replace(".java", "").replace('/', '.').replace('\\', '.');
  }

  private static String packageOf(String cls) {
    return cls.substring(0, cls.lastIndexOf('.'));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
