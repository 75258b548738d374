package parley.importing.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real exporters write and a blind probe of the importers found mishandled (session 26): order notes, entity
 * titles, plain-text Disqus messages, control characters, files cut inside CDATA, gzipped Remark42 backups, blocked
 * Remark42 users, Commento page ids and "[deleted]" placeholders, Isso's deleted rows, merge counts. Each runs the real
 * `parley import` into a real SQLite file and reads what was stored.
 */
class ExportQuirksTest {
  @TempDir Path dir;

  private Cli parley(String... args) {
    return Cli.run(dir.resolve("data"), args);
  }

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private List<List<String>> rows(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/parley.db"));
        var rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(rs.getString(i));
        rows.add(row);
      }
    }
    return rows;
  }

  private static String disqus(String threads, String posts) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
        %s%s</disqus>
        """.formatted(threads, posts);
  }

  private static String thread(int id, String link, String title) {
    return """
          <thread dsq:id="%d"><id>t%d</id><forum>blog</forum><link>%s</link><title>%s</title>
            <createdAt>2019-03-01T09:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
        """.formatted(id, id, link, title);
  }

  private static String post(int id, int thread, String message) {
    return """
          <post dsq:id="%d"><id /><message><![CDATA[%s]]></message><createdAt>2019-03-02T10:00:00Z</createdAt>
            <author><email>a%d@example.org</email><name>A</name><isAnonymous>false</isAnonymous></author>
            <isDeleted>false</isDeleted><isSpam>false</isSpam><thread dsq:id="%d" /></post>
        """.formatted(id, message, id, thread);
  }

  @Test
  void disqusTitlesPlainTextControlCharactersAndMergeCounts() throws Exception {
    Path f = file("disqus.xml", disqus(
        thread(1, "https://blog.example/a/", "Trams &amp;amp; buses: what&amp;#8217;s next?")
            + thread(2, "https://blog.example/a", "A again") + thread(3, "https://blog.example/b/", "B"),
        post(10, 1, "First line\nsecond line\n\nNew paragraph") + post(11, 2, "<p>Tab\u000bbed\u001f text</p>")
            + post(12, 3, "<p>Plain html, first version</p>") + post(12, 3, "<p>Plain <b>html</b></p>")));
    Cli dry = parley("import", "disqus", f.toString(), "--site", "blog", "--dry-run");
    assertThat(dry.exit()).as(dry.out()).isZero();
    assertThat(dry.out()).contains("thread 2 has the same page key as thread 1 (/a): their comments will be merged",
        "replaced 2 control characters that XML does not allow with spaces (the first on line",
        "comment 12 appears more than once in the file: the last one is kept");

    Cli run = parley("import", "disqus", f.toString(), "--site", "blog");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("Imported 4 comments (3 new, 1 updated) in 2 threads", "threads 3, comments 4");
    assertThat(rows("SELECT page_key, title FROM threads ORDER BY page_key")).containsExactly(
        List.of("/a", "Trams & buses: what\u2019s next?"), List.of("/b", "B"));
    assertThat(rows("SELECT body_html FROM comments ORDER BY id")).extracting(r -> r.get(0)).containsExactly(
        "<p>First line<br />\nsecond line</p><p>New paragraph</p>", "<p>Tab bed  text</p>",
        "<p>Plain <strong>html</strong></p>");
  }

  @Test
  void aDisqusFileCutInsideCdataNamesItsLineAndRecord() throws Exception {
    String whole = disqus(thread(1, "https://blog.example/a/", "A"), post(10, 1, "<p>long message</p>"));
    Path f = file("cut.xml", whole.substring(0, whole.indexOf("long message") + 4));
    Cli run = parley("import", "disqus", f.toString(), "--site", "blog");
    assertThat(run.exit()).isNotZero();
    assertThat(run.out()).contains("malformed XML: Unexpected EOF in CDATA section", "(in <post dsq:id=\"10\">")
        .doesNotContain("WstxLazyException");
    assertThat(Files.exists(dir.resolve("data/parley.db"))).isFalse();
  }

  @Test
  void wordpressOrderNotesAreNotComments() throws Exception {
    Path f = file("wxr.xml", """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><wp:wxr_version>1.2</wp:wxr_version>
        <item><title>Order &amp;ndash; May 3</title><link>https://shop.example/?post_type=shop_order&amp;p=61</link>
          <wp:post_id>61</wp:post_id><wp:post_type>shop_order</wp:post_type>
          <wp:comment><wp:comment_id>39</wp:comment_id><wp:comment_author>WooCommerce</wp:comment_author>
            <wp:comment_date_gmt>2023-05-03 08:15:00</wp:comment_date_gmt>
            <wp:comment_content>Customer: Max, Main Street 1, phone 0123</wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved><wp:comment_type>order_note</wp:comment_type>
            <wp:comment_parent>0</wp:comment_parent></wp:comment></item>
        <item><title>Bike lock</title><link>https://shop.example/product/lock/</link>
          <wp:post_id>70</wp:post_id><wp:post_type>product</wp:post_type>
          <wp:comment><wp:comment_id>40</wp:comment_id><wp:comment_author>Ana</wp:comment_author>
            <wp:comment_date_gmt>2023-05-04 08:15:00</wp:comment_date_gmt>
            <wp:comment_content>Sturdy, five stars.</wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved><wp:comment_type>review</wp:comment_type>
            <wp:comment_parent>0</wp:comment_parent></wp:comment></item>
        </channel></rss>
        """);
    Cli run = parley("import", "wordpress", f.toString(), "--site", "shop");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("Imported 1 comments (1 new, 0 updated) in 1 threads",
        "skipped 1 comments of type \"order_note\"");
    assertThat(rows("SELECT page_key FROM threads")).containsExactly(List.of("/product/lock"));
    assertThat(rows("SELECT COUNT(*) FROM comments WHERE body_html LIKE '%Main Street%'")).containsExactly(List.of("0"));
  }

  @Test
  void gzippedRemark42BackupsAndBlockedUsers() throws Exception {
    String backup = """
        {"version":1,"users":[],"posts":[{"url":"https://blog.example/a/","count":2}]}
        {"id":"c1","pid":"","text":"<p>Hello</p>","user":{"name":"Ana","id":"github_ana"},"locator":{"site":"blog","url":"https://blog.example/a/"},"time":"2023-03-05T12:34:56.123456789+03:00"}
        {"id":"c2","pid":"","text":"<p>Buy pills</p>","user":{"name":"Spam","id":"email_spam","block":true},"locator":{"site":"blog","url":"https://blog.example/a/"},"time":"2023-03-05T12:35:56Z"}
        """;
    Path gz = dir.resolve("backup-blog-20230306.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(backup.getBytes(StandardCharsets.UTF_8));
    }
    Cli run = parley("import", "remark42", gz.toString(), "--site", "blog");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(rows("SELECT author_name, state FROM comments ORDER BY id"))
        .containsExactly(List.of("Ana", "published"), List.of("Spam", "rejected"));

    Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
    Cli damaged = parley("import", "remark42", gz.toString(), "--site", "blog");
    assertThat(damaged.exit()).isNotZero();
    assertThat(damaged.out()).contains("damaged gzip file");
  }

  @Test
  void commentoPageIdsStayAsGivenAndDeletedPlaceholdersAreDeleted() throws Exception {
    Path f = file("commento.json", """
        {"version":1,"commenters":[{"commenterHex":"c1","name":"Ana","email":"ana@example.org"}],"comments":[
         {"commentHex":"a","domain":"blog.example","path":"post-42","commenterHex":"c1","markdown":"Hi","parentHex":"root","state":"approved","creationDate":"2020-01-01T10:00:00Z"},
         {"commentHex":"b","domain":"blog.example","path":"post-43","commenterHex":"c1","markdown":"Ho","parentHex":"root","state":"approved","creationDate":"2020-01-01T10:00:00Z"},
         {"commentHex":"c","domain":"blog.example","path":"/","commenterHex":"anonymous","markdown":"[deleted]","parentHex":"root","state":"approved","creationDate":"2020-01-01T10:00:00Z"},
         {"commentHex":"d","domain":"blog.example","path":"/","commenterHex":"c1","markdown":"Reply","parentHex":"c","state":"approved","creationDate":"2020-01-01T11:00:00Z"}]}
        """);
    Cli run = parley("import", "commento", f.toString(), "--site", "blog");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(rows("SELECT page_key, url FROM threads ORDER BY id")).containsExactly(
        java.util.Arrays.asList("post-42", null), java.util.Arrays.asList("post-43", null),
        List.of("/", "https://blog.example/"));
    assertThat(rows("SELECT state FROM comments ORDER BY id")).extracting(r -> r.get(0))
        .containsExactly("published", "published", "deleted", "published");
  }

  @Test
  void theArticleIsNamedInTheQueryOnlyOnTheSiteRootAndScripts() {
    assertThat(parley.importing.PageKey.identifying("https://s/?p=1&preview=true&utm_source=x")).containsExactly("p");
    assertThat(parley.importing.PageKey.identifying("https://s/index.php?page_id=7")).containsExactly("page_id");
    assertThat(parley.importing.PageKey.identifying("https://s/2019/post/?replytocom=5&id=3")).isEmpty();
    assertThat(parley.importing.PageKey.PATH.choose("https://s/view.php?id=5&lang=de", null, "f"))
        .isEqualTo("/view.php?id=5");
    assertThat(parley.importing.PageKey.PATH.choose(null, "/2019/03/trams/", "f")).isEqualTo("/2019/03/trams");
  }
}
