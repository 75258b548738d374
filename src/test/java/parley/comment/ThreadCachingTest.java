package parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.testing.Reply;
import parley.testing.TestServer;

/** Thread reads answer 304 to a client that has the current page, and let a CDN hold only anonymous pages. */
class ThreadCachingTest {
  private static final String URL = "/api/v1/threads?site=demo&page=cached";

  @Test
  void etagRevalidatesUntilAWriteChangesThePage() {
    try (TestServer server = TestServer.start()) {
      post(server, "First.");
      Reply first = server.get(URL);
      String etag = first.raw().headers().firstValue("ETag").orElseThrow();
      assertThat(first.raw().headers().firstValue("Cache-Control").orElseThrow()).startsWith("public, max-age=5");

      Reply again = server.get(URL, "If-None-Match", etag);
      assertThat(again.status()).isEqualTo(304);
      assertThat(again.raw().body()).isEmpty();

      post(server, "Second.");
      Reply changed = server.get(URL, "If-None-Match", etag);
      assertThat(changed.status()).isEqualTo(200);
      assertThat(changed.json().path("comments")).hasSize(2);
      assertThat(changed.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }
  }

  @Test
  void pagesWithPerReaderFieldsArePrivate() {
    try (TestServer server = TestServer.start()) {
      post(server, "Mine.");
      Reply mine = server.get(URL, "X-Parley-Client", "reader-1");
      assertThat(mine.status()).isEqualTo(200);
      assertThat(mine.raw().headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("private, no-cache");
      assertThat(mine.raw().headers().firstValue("Vary").orElseThrow()).contains("X-Parley-Client");
    }
  }

  // published without the classifier, whose 2 s budget a loaded test machine can exceed (the comment is then held)
  private static void post(TestServer server, String body) {
    server.app().comments().withArrivalCheck(ArrivalCheck.PUBLISH_ALL).post(new CommentService.PostRequest(
        "demo", "cached", null, null, null, "Ada", null, body, "reader-1"));
  }
}
