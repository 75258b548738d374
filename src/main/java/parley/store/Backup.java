package parley.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * Online backups. SQLite: {@code VACUUM INTO} copies one consistent snapshot (a read transaction) into a new,
 * compacted file while the server keeps reading and writing (WAL). The copy is written beside the target as
 * {@code FILE.partial}, checked, then renamed, so a file with the target's name is always a whole backup.
 * PostgreSQL databases are backed up by {@code pg_dump}; {@link #pgDumpCommand} says how.
 */
public final class Backup {
  private Backup() {}

  /** What was written: the file, its size, the schema version it holds and its comment count. */
  public record Result(Path file, long bytes, String schemaVersion, long comments) {}

  /** Backs up the SQLite database behind {@code jdbcUrl} into {@code out}, which must not exist yet. */
  public static Result sqlite(String jdbcUrl, Path out) throws IOException {
    Path source = Path.of(Database.where(jdbcUrl)).toAbsolutePath();
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("There is no SQLite database at " + source + " (check --data-dir or --database-url)");
    }
    Path target = requireNewFile(out);
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.deleteIfExists(partial); // left by a backup that was killed: never a whole copy
    try {
      try (Connection c = connect(source); PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, partial.toString());
        vacuum.execute();
      } catch (SQLException e) {
        throw new IOException("Cannot write the backup " + target + ": " + e.getMessage(), e);
      }
      Result checked = check(partial, target);
      Files.move(partial, target); // not REPLACE_EXISTING: a file that appeared meanwhile is not overwritten
      return checked;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static Path requireNewFile(Path out) {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(out + " already exists: a backup never overwrites a file; choose a new name");
    }
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("The directory " + dir + " does not exist");
    if (!Files.isWritable(dir)) throw new IllegalArgumentException("The directory " + dir + " is not writable");
    return target;
  }

  private static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** Reads the copy back: SQLite's own consistency check, then the schema version and comment count to report. */
  private static Result check(Path copy, Path target) throws IOException {
    try (Connection c = connect(copy); Statement s = c.createStatement()) {
      String verdict = one(s, "PRAGMA quick_check");
      if (!"ok".equals(verdict)) throw new IOException("The backup failed SQLite's check: " + verdict);
      String version = one(s, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1");
      long comments = Long.parseLong(one(s, "SELECT COUNT(*) FROM comments"));
      return new Result(target, Files.size(copy), version, comments);
    } catch (SQLException e) {
      throw new IOException("Cannot read the backup back: " + e.getMessage(), e);
    }
  }

  private static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static final Pattern PG_URL = Pattern.compile("jdbc:postgresql://([^/?]*)/?([^?]*)(?:\\?(.*))?");
  /** Connection parameters that mean the same to the JDBC driver and to libpq; the password is left out on purpose. */
  private static final List<String> LIBPQ_PARAMS = List.of("user", "sslmode", "sslrootcert", "sslcert", "sslkey");

  /** The pg_dump command line that backs up the database behind a {@code jdbc:postgresql:} URL into {@code out}. */
  public static String pgDumpCommand(String jdbcUrl, Path out) {
    Matcher m = PG_URL.matcher(jdbcUrl);
    String host = m.matches() && !m.group(1).isEmpty() ? m.group(1) : "localhost";
    String db = m.matches() ? m.group(2) : jdbcUrl.replaceFirst("^jdbc:postgresql:", "").replaceFirst("\\?.*", "");
    StringBuilder query = new StringBuilder();
    if (m.matches() && m.group(3) != null) {
      for (String pair : m.group(3).split("&")) {
        if (LIBPQ_PARAMS.contains(pair.split("=", 2)[0])) query.append(query.isEmpty() ? "?" : "&").append(pair);
      }
    }
    return "pg_dump --format=custom --file='" + out + "' 'postgresql://" + host + "/" + db + query + "'";
  }
}
