package parley.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule per case: the README's "Thread identity" list, in order. */
class ThreadKeyTest {
  private static String key(String raw) {
    return ThreadKey.of(raw, Set.of()).key();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      // the three spellings of one page
      "https://site/a/                                  | site/a",
      "https://site/a                                   | site/a",
      "http://site/a?utm_source=x#comments              | site/a",
      // scheme-insensitive, host lower-cased, www. and default ports dropped, user info dropped
      "HTTP://Site.Example/a                            | site.example/a",
      "https://www.site.example/a                       | site.example/a",
      "https://site.example:443/a                       | site.example/a",
      "http://site.example:80/a                         | site.example/a",
      "https://site.example:8443/a                      | site.example:8443/a",
      "https://user:secret@site.example/a               | site.example/a",
      "https://site.example./a                          | site.example/a",
      "//site.example/a                                 | site.example/a",
      // fragment dropped, trailing slash and index.html dropped, root kept, dot segments resolved, empty ones dropped
      "https://site/a#c-12                              | site/a",
      "https://site/a/index.html                        | site/a",
      "https://site/a/index.htm                         | site/a",
      "https://site                                     | site/",
      "https://site/                                    | site/",
      "https://site/index.html                          | site/",
      "https://site/a/./b/../c                          | site/a/c",
      "https://site/../../etc/passwd                    | site/etc/passwd",
      "https://site//a///b/                             | site/a/b",
      // percent-encoding: unreserved decoded, escapes upper-cased, the rest encoded, stray % escaped
      "https://site/%7Euser/%61                         | site/~user/a",
      "https://site/a%2fb                               | site/a%2Fb",
      "https://site/caf\u00e9                           | site/caf%C3%A9",
      "https://site/caf%C3%A9                           | site/caf%C3%A9",
      "https://site/a b                                 | site/a%20b",
      "https://site/100%                                | site/100%25",
      "https://site/<script>alert(1)</script>           | site/%3Cscript%3Ealert(1)%3C/script%3E",
      "https://site/a'; DROP TABLE threads;--           | site/a';%20DROP%20TABLE%20threads;--",
      // queries: nothing matters by default
      "https://site/a?page=2&ref=x                      | site/a",
      "https://site/a?                                  | site/a",
  })
  void normalizesUrls(String raw, String expected) {
    assertEquals(expected, key(raw));
  }

  @Test
  void theSiteSaysWhichParametersMatterAndKeptOnesAreSorted() {
    Set<String> meaningful = Set.of("id", "p");
    assertEquals("site/article?id=7&p=2", ThreadKey.of("https://site/article?p=2&x=1&id=7", meaningful).key());
    assertEquals("site/article?id=7", ThreadKey.of("https://site/article?id=7#top", meaningful).key());
    assertEquals("site/article?id=%C3%A9", ThreadKey.of("https://site/article?id=\u00e9", meaningful).key());
  }

  @Test
  void trackingParametersNeverMatterEvenWhenListed() {
    Set<String> listed = Set.of("utm_source", "fbclid", "gclid", "mc_cid", "id");
    assertEquals("site/a?id=1",
        ThreadKey.of("https://site/a?utm_source=x&UTM_medium=y&fbclid=z&gclid=q&mc_cid=c&mc_eid=e&id=1", listed).key());
  }

  @Test
  void opaqueIdsAreUsedAsGivenOnlyTrimmed() {
    assertEquals("post-42", key("  post-42 "));
    assertEquals("/a/", key("/a/"));
    assertEquals("Post?utm_source=x#1", key("Post?utm_source=x#1"));
    assertEquals("ftp://site/a", key("ftp://site/a"));
    assertEquals("https://", key("https://")); // no host: not a page of a site, so not normalized into "/"
    assertEquals("https:///a", key("https:///a"));
    assertEquals(List.of(), ThreadKey.of("post-42", Set.of()).legacy());
  }

  @Test
  void legacyKeysAreTheUrlAsGivenAndItsPath() {
    ThreadKey k = ThreadKey.of("https://site/a/?utm_source=x", Set.of());
    // "/a": where imports with page key "path" file it (normalized); "/a/": where older imports did
    assertEquals(List.of("site/a", "https://site/a/?utm_source=x", "/a", "/a/"), k.candidates());
    assertEquals(List.of("site/a"), ThreadKey.of("site/a", Set.of()).candidates());
    // a page named by its query never falls back to the bare path: "/" is the home page's thread
    assertEquals(List.of("site/?p=12", "https://site/?p=12", "/?p=12"),
        ThreadKey.of("https://site/?p=12", Set.of("p")).candidates());
  }

  @Test
  void importPathKeysAreNormalizedPathsWithTheMeaningfulQuery() {
    assertEquals("/2020/caf%C3%A9", ThreadKey.pathKey("https://Site/2020/café/index.html#c", Set.of()));
    assertEquals("/?p=12", ThreadKey.pathKey("http://www.site/?utm_source=x&p=12&preview=true", Set.of("p")));
    assertEquals(null, ThreadKey.pathKey("post-42", Set.of()));
    assertEquals(List.of("p", "preview"), ThreadKey.queryNames("https://site/?utm_source=x&p=12&preview=true#x"));
  }
}
