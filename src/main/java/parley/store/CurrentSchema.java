package parley.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether every migration this build ships is already applied, judged without Flyway: on a server's ordinary start the
 * schema is current, and Flyway's class-path scan and ~390 classes cost half a second of a two-core machine's start.
 * The answer is yes only when each shipped {@code V…__*.sql} has a successful row in {@code flyway_schema_history} with
 * the version and checksum Flyway gives it; anything else (a new or edited migration, a repeatable one, a resource
 * this cannot list, no history table) says no, and the caller runs Flyway as before.
 */
final class CurrentSchema {
  private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

  private CurrentSchema() {}

  /** A shipped migration as Flyway records it: its version ("1.1" for V1_1) and its checksum. */
  record Migration(String version, int checksum) {}

  static boolean isCurrent(DataSource ds, Dialect dialect) {
    try (var c = ds.getConnection()) {
      return isCurrent(c, dialect);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  static boolean isCurrent(java.sql.Connection c, Dialect dialect) {
    Optional<Set<Migration>> shipped = shipped(dialect);
    if (shipped.isEmpty() || shipped.get().isEmpty()) return false;
    Set<Migration> applied = new HashSet<>();
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE success")) {
      while (rs.next()) {
        String version = rs.getString(1);
        int checksum = rs.getInt(2);
        if (version != null && !rs.wasNull()) applied.add(new Migration(version, checksum));
      }
    } catch (java.sql.SQLException noHistoryYet) {
      if (dialect == Dialect.POSTGRESQL) rollBack(c); // the failed statement aborted the transaction, if one is open
      return false;
    }
    return applied.containsAll(shipped.get());
  }

  private static void rollBack(java.sql.Connection c) {
    try {
      if (!c.getAutoCommit()) c.rollback();
    } catch (java.sql.SQLException ignored) {
      // the connection goes back to the pool, which resets it
    }
  }

  /** Read once per dialect: the build's migrations do not change while it runs (open, then readiness, ask). */
  private static final java.util.Map<Dialect, Optional<Set<Migration>>> SHIPPED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** This build's migrations for {@code dialect}; empty if they cannot be listed here (Flyway then decides). */
  static Optional<Set<Migration>> shipped(Dialect dialect) {
    return SHIPPED.computeIfAbsent(dialect, CurrentSchema::readShipped);
  }

  private static Optional<Set<Migration>> readShipped(Dialect dialect) {
    try {
      var source = CurrentSchema.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : shipped(dialect, Path.of(source.getLocation().toURI()));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** As {@link #shipped(Dialect)}, from the class path root {@code root}: the server's jar, or a classes folder. */
  static Optional<Set<Migration>> shipped(Dialect dialect, Path root) {
    String dir = dialect.migrations().substring("classpath:".length());
    Set<Migration> out = new HashSet<>();
    try {
      if (Files.isDirectory(root)) {
        Path folder = root.resolve(dir);
        if (!Files.isDirectory(folder)) return Optional.empty();
        try (var list = Files.list(folder)) {
          for (Path f : list.toList()) {
            try (InputStream in = Files.newInputStream(f)) {
              if (!add(out, f.getFileName().toString(), in)) return Optional.empty();
            }
          }
        }
      } else {
        try (var jar = new java.util.jar.JarFile(root.toFile())) {
          String prefix = dir + "/";
          for (var e : (Iterable<java.util.jar.JarEntry>) jar.stream()::iterator) {
            String name = e.getName();
            if (e.isDirectory() || !name.startsWith(prefix) || name.indexOf('/', prefix.length()) >= 0) continue;
            try (InputStream in = jar.getInputStream(e)) {
              if (!add(out, name.substring(prefix.length()), in)) return Optional.empty();
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(Set.copyOf(out));
  }

  /** Adds a versioned migration; false for anything else (a repeatable or callback script is Flyway's business). */
  private static boolean add(Set<Migration> out, String file, InputStream in) throws IOException {
    Matcher m = VERSIONED.matcher(file);
    if (!m.matches()) return false;
    out.add(new Migration(m.group(1).replace('_', '.'), checksum(in)));
    return true;
  }

  /** Flyway's checksum of a SQL migration: CRC32 of its lines' UTF-8 bytes, without line breaks or a leading BOM. */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line != null && line.startsWith("\uFEFF")) line = line.substring(1);
    for (; line != null; line = r.readLine()) crc.update(line.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }
}
