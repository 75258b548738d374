package parley.importing.disqus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import parley.importing.Databases;
import parley.importing.ImportReport;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.store.Database;
import parley.store.Dialect;

/**
 * Issue 14: posts before their parents. A shuffled synthetic export (most replies before their parents, chains of
 * them) imports with every parent, root and depth as the file's parent links say, computed here from the file itself;
 * with and without the SQLite bulk load (indexes dropped during the load and the tree repair).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShuffledImportTest {
  private static final Pattern POST = Pattern.compile("<post dsq:id=\"(\\d+)\">.*?(?:<parent dsq:id=\"(\\d+)\" />)?</post>");
  private final Databases databases = new Databases();
  @TempDir Path dir;

  @AfterAll
  void close() {
    databases.close();
  }

  @ParameterizedTest(name = "{0}, bulk load {1}")
  @CsvSource({"SQLITE, true", "SQLITE, false", "POSTGRESQL, false"})
  void everyReplyFindsItsParentRootAndDepth(Dialect dialect, boolean bulk) throws IOException {
    Path file = dir.resolve("shuffled.xml");
    try (Writer w = Files.newBufferedWriter(file)) {
      new DisqusGenerator(20, 3_000, 11).shuffled().write(w);
    }
    Map<String, String> parents = new HashMap<>();
    Matcher m = POST.matcher(Files.readString(file));
    while (m.find()) parents.put(m.group(1), m.group(2));
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);

    ImportReport report = Imports.xml(db, Imports.Format.DISQUS, site, file, PageKey.PATH,
        new Importer.Options(500, 2, bulk), Imports.ProgressFactory.NONE);

    assertThat(report.inserted()).isEqualTo(3_000);
    assertThat(report.orphans()).isZero();
    Map<String, String[]> stored = new HashMap<>();
    db.read(h -> h.createQuery("""
            SELECT c.source_id, p.source_id, r.source_id, c.depth FROM comments c
            LEFT JOIN comments p ON p.id = c.parent_id LEFT JOIN comments r ON r.id = c.root_id
            WHERE c.source = :source""").bind("source", "disqus:" + site)
        .map((rs, ctx) -> stored.put(rs.getString(1),
            new String[] {rs.getString(2), rs.getString(3), String.valueOf(rs.getInt(4))}))
        .list());
    assertThat(stored).hasSize(3_000);
    long repliesBeforeParent = 0;
    for (Map.Entry<String, String> post : parents.entrySet()) {
      String root = post.getKey();
      int depth = 0;
      while (parents.get(root) != null) {
        root = parents.get(root);
        depth++;
      }
      String[] row = stored.get(post.getKey());
      assertThat(row).as("comment " + post.getKey())
          .containsExactly(post.getValue(), depth == 0 ? null : root, String.valueOf(depth));
      if (post.getValue() != null) repliesBeforeParent++;
    }
    assertThat(repliesBeforeParent).as("the file has replies to link").isGreaterThan(1_000);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aReplyCycleIsBrokenAndReported(Dialect dialect) throws IOException {
    Path file = dir.resolve("cycle.xml");
    Files.writeString(file, """
        <?xml version="1.0" encoding="utf-8"?>
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
        <thread dsq:id="1"><link>https://blog.example.org/c/</link></thread>
        <post dsq:id="10"><message>a</message><thread dsq:id="1" /><parent dsq:id="11" /></post>
        <post dsq:id="11"><message>b</message><thread dsq:id="1" /><parent dsq:id="10" /></post>
        <post dsq:id="12"><message>c</message><thread dsq:id="1" /><parent dsq:id="11" /></post>
        </disqus>
        """);
    Database db = databases.get(dialect);
    String site = databases.newSite(dialect);

    ImportReport report = Imports.xml(db, Imports.Format.DISQUS, site, file, PageKey.PATH,
        new Importer.Options(500, 2), Imports.ProgressFactory.NONE);

    assertThat(report.orphans()).isEqualTo(1);
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("reply cycle"));
    var depths = db.read(h -> h.createQuery("SELECT depth FROM comments WHERE source = :s ORDER BY source_id")
        .bind("s", "disqus:" + site).mapTo(Integer.class).list());
    assertThat(depths).containsExactly(0, 1, 2);
  }
}
