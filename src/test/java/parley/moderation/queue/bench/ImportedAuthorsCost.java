package parley.moderation.queue.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import parley.importing.Importer;
import parley.importing.Imports;
import parley.importing.PageKey;
import parley.kit.Tokens;
import parley.moderation.queue.AuthorDirectory;
import parley.moderation.queue.ImportedAuthors;
import parley.moderation.queue.QueueStore;
import parley.store.Database;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.Staff;
import parley.auth.Role;

/**
 * What an imported author's user page costs to find on a site with many imported authors: imports a generated Disqus
 * archive (N authors, 2 comments each; 80% with email, 10% username only, 10% name only), then times the lookups.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp-test.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp-test.txt) parley.moderation.queue.bench.ImportedAuthorsCost \
 *   50000 SQLITE   (or POSTGRESQL)
 * </pre>
 */
public final class ImportedAuthorsCost {
  private ImportedAuthorsCost() {}

  public static void main(String[] args) throws Exception {
    int authors = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    Dialect dialect = args.length > 1 ? Dialect.valueOf(args[1]) : Dialect.SQLITE;
    Path xml = archive(authors);
    try (ModerationServer server = ModerationServer.on(dialect, new KeywordClassifier())) {
      Database db = server.app().database();
      long t0 = System.nanoTime();
      Imports.xml(db, Imports.Format.DISQUS, ModerationServer.SITE, xml, PageKey.PATH, new Importer.Options(2, 2),
          Imports.ProgressFactory.NONE);
      System.out.printf("%s: imported %,d comments by %,d authors in %.1f s%n", dialect, 2 * authors, authors,
          (System.nanoTime() - t0) / 1e9);
      QueueStore queue = new QueueStore(db);
      ImportedAuthors imported = new ImportedAuthors(db, queue);
      AuthorDirectory directory = new AuthorDirectory(db, Clock.systemUTC(), imported);
      String site = ModerationServer.SITE;
      String last = "email:" + Tokens.sha256("a" + (authors * 8 / 10 - 1) + "@example.org");
      String nobody = "email:" + Tokens.sha256("nobody@example.org");
      String byName = "name:" + Tokens.sha256("Guest " + (authors - 1));
      long hint = queue.byAuthor(site, imported.find(site, last, null).orElseThrow(), 1).getFirst().id();
      time("key alone, no such author (whole email scan)", () -> imported.find(site, nobody, null));
      time("key alone, an author by email", () -> imported.find(site, last, null));
      time("key alone, an author by name", () -> imported.find(site, byName, null));
      time("key with the link's hint", () -> imported.find(site, last, hint));
      var author = imported.find(site, last, hint).orElseThrow();
      time("  of which: the comments (QueueStore.byAuthor)", () -> queue.byAuthor(site, author, 200));
      time("  of which: counts (AuthorStore.counts)", () -> new parley.moderation.AuthorStore(db).counts(site, author));
      Staff.create(server.app(), "mod@example.org", site, Role.MODERATOR);
      ModerationServer.As mod = server.login("mod@example.org", Staff.PASSWORD);
      String page = "/admin/" + site + "/users/" + last.replace(":", "%3A");
      time("GET user page with the hint (HTTP, rendered)", () -> status(server.send(mod, "GET", page + "?c=" + hint,
          null)));
      time("GET user page, key alone (HTTP, rendered)", () -> status(server.send(mod, "GET", page, null)));
      time("users list, everyone", () -> directory.list(site, "", AuthorDirectory.Filter.ALL));
      time("users list, search", () -> directory.list(site, "guest 4999", AuthorDirectory.Filter.ALL));
      db.write(h -> h.execute("INSERT INTO bans (site_id, author_key, author_name, reason, created_by, created_at)"
          + " VALUES (?, ?, 'x', 'x', NULL, 0)", site, last));
      time("users list, banned (one imported ban)", () -> directory.list(site, "", AuthorDirectory.Filter.BANNED));
    }
    Files.delete(xml);
  }

  static String status(parley.testing.Reply r) {
    if (r.status() != 200) throw new IllegalStateException(r.status() + " " + r.raw().body());
    return "200";
  }

  static void time(String what, Supplier<?> lookup) {
    for (int i = 0; i < 3; i++) lookup.get(); // warm-up
    int runs = 10;
    long t0 = System.nanoTime();
    Object result = null;
    for (int i = 0; i < runs; i++) result = lookup.get();
    double ms = (System.nanoTime() - t0) / 1e6 / runs;
    String found = result instanceof List<?> l ? l.size() + " rows" : String.valueOf(result).length() > 60
        ? "found" : String.valueOf(result);
    System.out.printf("  %-45s %8.2f ms  (%s)%n", what, ms, found);
  }

  static Path archive(int authors) throws IOException {
    Path xml = Files.createTempFile("imported-authors-", ".xml");
    try (Writer w = Files.newBufferedWriter(xml)) {
      w.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\""
          + " xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
      for (int t = 0; t < 500; t++) {
        w.write("<thread dsq:id=\"" + t + "\"><link>https://news.example.org/a/" + t + "/</link><title>T" + t
            + "</title><createdAt>2019-03-01T09:00:00Z</createdAt></thread>\n");
      }
      for (int i = 0; i < 2 * authors; i++) {
        int a = i % authors;
        String who = a < authors * 8 / 10 ? "<email>a" + a + "@example.org</email><name>Author " + a + "</name>"
            : a < authors * 9 / 10 ? "<name>User " + a + "</name><username>u" + a + "</username>"
            : "<name>Guest " + a + "</name>";
        w.write("<post dsq:id=\"" + (1000 + i) + "\"><message><![CDATA[<p>Comment " + i + "</p>]]></message>"
            + "<createdAt>2019-03-02T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>"
            + "<author>" + who + "</author><thread dsq:id=\"" + (i % 500) + "\" /></post>\n");
      }
      w.write("</disqus>\n");
    }
    return xml;
  }
}
