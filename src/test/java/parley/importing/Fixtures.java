package parley.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import parley.store.Database;

/** Fixture files and row look-ups shared by the import tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Path file(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/importing/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file of the issue-14 corpus under {@code src/test/resources/imports/}. */
  public static Path corpus(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/imports/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of a fixture with text replaced (pairs of from, to), in a temp file. */
  public static Path edited(String name, String... fromTo) {
    try {
      String text = Files.readString(file(name));
      for (int i = 0; i + 1 < fromTo.length; i += 2) {
        if (!text.contains(fromTo[i])) throw new IllegalArgumentException("not in " + name + ": " + fromTo[i]);
        text = text.replace(fromTo[i], fromTo[i + 1]);
      }
      Path copy = Files.createTempFile("parley-fixture", ".xml");
      Files.writeString(copy, text);
      copy.toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The comment row imported from {@code sourceId}, as column → value. */
  public static Map<String, Object> comment(Database db, String source, String sourceId) {
    return db.read(h -> h.createQuery("SELECT * FROM comments WHERE source = :source AND source_id = :id")
        .bind("source", source).bind("id", sourceId).mapToMap().one());
  }

  public static Map<String, Object> thread(Database db, long id) {
    return db.read(h -> h.createQuery("SELECT * FROM threads WHERE id = :id").bind("id", id).mapToMap().one());
  }

  public static long count(Database db, String sql, Object... args) {
    return db.read(h -> {
      var q = h.createQuery(sql);
      for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
      return q.mapTo(Long.class).one();
    });
  }

  private static final List<String> TABLES = List.of("sites", "threads", "thread_sources", "comments", "import_runs",
      "accounts", "site_roles", "audit_log", "votes", "reports", "bans", "site_policies", "pending_repairs");

  /** SHA-256 over every row of every table, in a fixed order. */
  public static String checksum(Database db) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String table : TABLES) {
      List<String> rows = db.read(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list().stream()
          .map(r -> new java.util.TreeMap<>(r).toString()).sorted().toList());
      sha.update((table + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  public static long asLong(Object value) {
    return ((Number) value).longValue();
  }
}
