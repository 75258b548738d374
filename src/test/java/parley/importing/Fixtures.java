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

  /**
   * Imports the Disqus and WordPress edge-case files into {@code site}, in batches of {@code batchSize}: authors with
   * and without email, guests, held, spam and deleted comments, replies before their parents.
   */
  public static void importEdgeCases(Database db, String site, int batchSize) {
    Importer.Options options = new Importer.Options(batchSize, 2);
    Imports.xml(db, Imports.Format.DISQUS, site, file("disqus-edge-cases.xml"), PageKey.PATH, options,
        Imports.ProgressFactory.NONE);
    Imports.xml(db, Imports.Format.WORDPRESS, site, file("wordpress-edge-cases.xml"), PageKey.PATH, options,
        Imports.ProgressFactory.NONE);
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

  /**
   * SHA-256 of a logical dump: every row of every table (found in the catalog, so new tables count too), in a fixed
   * order, and the schema (SQLite's sqlite_master; PostgreSQL's indexes), so a dropped index changes it as well.
   */
  public static String checksum(Database db) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    boolean sqlite = db.dialect() == parley.store.Dialect.SQLITE;
    List<String> tables = db.read(h -> h.createQuery(sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
        .mapTo(String.class).list());
    for (String table : tables) {
      List<String> rows = db.read(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list().stream()
          .map(r -> new java.util.TreeMap<>(r).toString()).sorted().toList());
      sha.update((table + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    List<String> schema = db.read(h -> h.createQuery(sqlite
            ? "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name"
            : "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")
        .mapTo(String.class).list());
    sha.update(schema.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  public static long asLong(Object value) {
    return ((Number) value).longValue();
  }
}
