package parley.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import parley.store.Dialect;
import parley.testing.BothDatabases;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

/** Every spelling of one article's URL reads, posts and counts in one thread, on both stores (README: Thread identity). */
class ThreadIdentityTest {
  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The thread a posted comment was filed under, as stored. */
  private static long threadId(ModerationServer s, Reply posted) {
    assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
    long comment = posted.json().path("comment").path("id").asLong();
    return s.app().database().read(h -> h.createQuery("SELECT thread_id FROM comments WHERE id = :id")
        .bind("id", comment).mapTo(Long.class).one());
  }

  private static Reply read(ModerationServer s, String page) {
    return s.send(As.ANONYMOUS, "GET", "/api/v1/threads?site=news&page=" + enc(page), null);
  }

  private static int threads(ModerationServer s) {
    return s.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM threads").mapTo(Integer.class).one());
  }

  @BothDatabases
  void urlSpellingsOfOnePageMeetInOneThread(Dialect kind) {
    try (TestDb db = TestDatabases.create(kind);
        ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
      long a = threadId(s, s.comment(As.reader("r1"), "https://news.example/a/", "First on the article."));
      long b = threadId(s, s.comment(As.reader("r2"), "https://news.example/a", "Second, without the slash."));
      long c = threadId(s, s.comment(As.reader("r3"), "http://WWW.news.example/a?utm_source=x#comments", "Third."));
      assertThat(b).isEqualTo(a);
      assertThat(c).isEqualTo(a);
      assertThat(threads(s)).isEqualTo(1);
      String stored = s.app().database().read(h -> h.createQuery("SELECT page_key FROM threads").mapTo(String.class).one());
      assertThat(stored).isEqualTo("news.example/a");
      Reply page = read(s, "https://news.example/a/index.html?fbclid=1");
      assertThat(page.json().path("comments").size()).isEqualTo(3);
      Reply counts = s.send(As.ANONYMOUS, "GET", "/api/v1/counts?site=news&page=" + enc("http://news.example/a/")
          + "&page=" + enc("https://news.example/b"), null);
      assertThat(counts.json().path("counts").path("http://news.example/a/").asInt()).isEqualTo(3);
      assertThat(counts.json().path("counts").path("https://news.example/b").asInt()).isZero();
    }
  }

  @BothDatabases
  void aParameterTheSiteListsSplitsThreadsAndAnOpaqueIdIsKeptAsGiven(Dialect kind) {
    try (TestDb db = TestDatabases.create(kind);
        ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
      long before = threadId(s, s.comment(As.reader("r1"), "https://news.example/story?id=1", "On story one."));
      assertThat(threadId(s, s.comment(As.reader("r1"), "https://news.example/story?id=2", "On story two.")))
          .isEqualTo(before); // no parameter matters by default
      s.app().sites().setPageParams("news", Set.of("id"));
      long one = threadId(s, s.comment(As.reader("r1"), "https://news.example/story?utm_medium=x&id=1", "One again."));
      long two = threadId(s, s.comment(As.reader("r1"), "https://news.example/story?id=2", "Two again."));
      assertThat(one).isNotEqualTo(two);
      assertThat(threadId(s, s.comment(As.reader("r1"), "http://news.example/story/?id=2#c", "Two, once more.")))
          .isEqualTo(two);
      // an opaque id (data-page) is not a URL: used as given, only trimmed
      long opaque = threadId(s, s.comment(As.reader("r1"), " post-42 ", "On the opaque id."));
      assertThat(threadId(s, s.comment(As.reader("r1"), "post-42", "Again."))).isEqualTo(opaque);
      assertThat(threadId(s, s.comment(As.reader("r1"), "Post-42", "Another id."))).isNotEqualTo(opaque);
    }
  }

  @BothDatabases
  void threadsStoredUnderRawKeysBeforeNormalizationKeepWorking(Dialect kind) {
    try (TestDb db = TestDatabases.create(kind);
        ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
      // as an older widget (location.pathname) and an older import (the URL as given) left them
      long byPath = threadId(s, s.comment(As.reader("r1"), "/old/", "Before the upgrade."));
      Long byUrl = s.app().database().write(h -> {
        h.createUpdate("INSERT INTO threads (site_id, page_key, created_at) VALUES ('news', 'https://news.example/imp', 1)")
            .execute();
        return h.createQuery("SELECT id FROM threads WHERE page_key = 'https://news.example/imp'").mapTo(Long.class).one();
      });
      assertThat(threadId(s, s.comment(As.reader("r2"), "https://news.example/old/?utm_source=x", "After it.")))
          .isEqualTo(byPath);
      assertThat(read(s, "https://news.example/old/").json().path("comments").size()).isEqualTo(2);
      assertThat(threadId(s, s.comment(As.reader("r2"), "https://news.example/imp", "On the import."))).isEqualTo(byUrl);
    }
  }

  @BothDatabases
  void anImportedDisqusLinkMeetsTheWidgetsKey(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind);
        ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("disqus", ".xml");
      java.nio.file.Files.writeString(file, """
          <?xml version="1.0" encoding="utf-8"?>
          <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
            <thread dsq:id="1"><id>story-ident</id><forum>news</forum>
              <link>http://www.news.example/2019/story/?utm_campaign=x</link><title>Story</title>
              <createdAt>2019-03-01T09:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
            <post dsq:id="10"><id /><message><![CDATA[<p>Imported comment.</p>]]></message>
              <createdAt>2019-03-02T10:00:00Z</createdAt>
              <author><email>ana@example.org</email><name>Ana</name><isAnonymous>false</isAnonymous></author>
              <isDeleted>false</isDeleted><isSpam>false</isSpam><thread dsq:id="1" /></post>
          </disqus>
          """);
      try {
        var report = parley.importing.Imports.xml(s.app().database(), parley.importing.Imports.Format.DISQUS, "news",
            file, parley.importing.PageKey.URL, new parley.importing.Importer.Options(100, 2),
            parley.importing.Imports.ProgressFactory.NONE);
        assertThat(report).isNotNull();
      } finally {
        java.nio.file.Files.deleteIfExists(file);
      }
      String stored = s.app().database().read(h -> h.createQuery("SELECT page_key FROM threads").mapTo(String.class).one());
      assertThat(stored).isEqualTo("news.example/2019/story");
      Reply page = read(s, "https://news.example/2019/story#disqus_thread");
      assertThat(page.json().path("comments").size()).isEqualTo(1);
      assertThat(threadId(s, s.comment(As.reader("r1"), "https://news.example/2019/story/", "New, after the import.")))
          .isEqualTo(page.json().path("thread").path("id").asLong());
    }
  }
  /**
   * Default page key (path): plain WordPress permalinks ({@code /?p=12}) stay separate articles and the widget finds
   * them (the import adds {@code p} to the site's meaningful parameters); slash and encoding variants of one path meet.
   */
  @BothDatabases
  void importedPlainPermalinksAndPathVariantsMeetTheWidget(Dialect kind) throws Exception {
    try (TestDb db = TestDatabases.create(kind);
        ModerationServer s = ModerationServer.start(c -> c.withDatabaseUrl(db.url()), new KeywordClassifier())) {
      StringBuilder xml = new StringBuilder("""
          <?xml version="1.0" encoding="utf-8"?>
          <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
          """);
      String[] links = {"https://news.example/?p=12", "https://news.example/?p=13&amp;preview=true",
          "https://news.example/", "https://news.example/2019/café/", "https://news.example/2019/caf%C3%A9"};
      for (int i = 0; i < links.length; i++) {
        xml.append("""
            <thread dsq:id="%d"><id>t%d</id><forum>news</forum><link>%s</link><title>T%d</title>
              <createdAt>2019-03-01T09:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
            <post dsq:id="%d"><id /><message><![CDATA[<p>Comment %d.</p>]]></message>
              <createdAt>2019-03-02T10:00:00Z</createdAt>
              <author><email>a%d@example.org</email><name>A</name><isAnonymous>false</isAnonymous></author>
              <isDeleted>false</isDeleted><isSpam>false</isSpam><thread dsq:id="%d" /></post>
            """.formatted(i, i, links[i], i, 100 + i, i, i, i));
      }
      java.nio.file.Path file = java.nio.file.Files.createTempFile("disqus", ".xml");
      java.nio.file.Files.writeString(file, xml.append("</disqus>\n"));
      try {
        var report = parley.importing.Imports.xml(s.app().database(), parley.importing.Imports.Format.DISQUS, "news",
            file, parley.importing.PageKey.PATH, new parley.importing.Importer.Options(100, 2),
            parley.importing.Imports.ProgressFactory.NONE);
        assertThat(report.threads()).as("the two spellings of /2019/café are one thread").isEqualTo(4);
      } finally {
        java.nio.file.Files.deleteIfExists(file);
      }
      String params = s.app().database().read(h -> h.createQuery("SELECT page_params FROM sites WHERE id = 'news'")
          .mapTo(String.class).one());
      assertThat(params).isEqualTo("p");
      assertThat(read(s, "https://news.example/?p=12").json().path("comments").findValuesAsText("html"))
          .containsExactly("<p>Comment 0.</p>");
      assertThat(read(s, "https://www.news.example/?utm_source=x&p=13").json().path("comments")
          .findValuesAsText("html")).containsExactly("<p>Comment 1.</p>");
      assertThat(read(s, "https://news.example/").json().path("comments").findValuesAsText("html"))
          .containsExactly("<p>Comment 2.</p>");
      assertThat(read(s, "https://news.example/?p=99").json().path("comments").size()).isZero();
      assertThat(read(s, "https://news.example/2019/caf%C3%A9/").json().path("comments").size()).isEqualTo(2);
    }
  }
}
