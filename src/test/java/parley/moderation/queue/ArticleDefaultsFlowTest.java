package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer;
import parley.testing.NewsSiteFlow;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/**
 * Site defaults for article settings (issue 16): an article inherits each one it does not set, the API says which
 * value is in force and where it came from; on both databases. One test, because the defaults are site-wide.
 */
class ArticleDefaultsFlowTest extends NewsSiteFlow {

  long thread(String page) {
    server.comment(As.reader("opener-" + page), page, "The first comment on this article.");
    return server.app().comments().thread("news", page, parley.comment.Sort.OLDEST, null, 1, null).thread().id();
  }

  Reply defaults(String json) {
    return server.send(admin, "PUT", S + "/article-defaults", json);
  }

  JsonNode settings(long thread) {
    return server.send(admin, "GET", S + "/threads/" + thread + "/settings", null).json();
  }

  String state(String page, String body) {
    return server.comment(As.reader("r" + body.length()), page, body).json().path("comment").path("state").asText();
  }

  @Test
  void articlesInheritTheSiteDefaultsUnlessTheySetTheirOwn() {
    long plain = thread("inherits");
    long own = thread("overrides");
    assertThat(server.send(admin, "GET", S + "/article-defaults", null).json().path("premoderate").asBoolean()).isFalse();
    assertThat(settings(plain).path("effective").path("sources").path("notice").asText()).isEqualTo("none");

    Reply saved = defaults("{\"premoderate\":true,\"notice\":\"Comments on this site are reviewed.\"}");
    assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
    assertThat(server.send(admin, "PUT", S + "/threads/" + own + "/settings",
        "{\"notice\":\"This story is moderated strictly.\"}").status()).isEqualTo(200);

    // the plain article follows the site; the other keeps its own notice and inherits pre-moderation
    JsonNode p = settings(plain).path("effective");
    assertThat(p.path("premoderate").asBoolean()).isTrue();
    assertThat(p.path("notice").asText()).isEqualTo("Comments on this site are reviewed.");
    assertThat(p.path("sources").path("notice").asText()).isEqualTo("site");
    JsonNode o = settings(own);
    assertThat(o.path("notice").asText()).isEqualTo("This story is moderated strictly.");
    assertThat(o.path("effective").path("sources").path("notice").asText()).isEqualTo("article");
    assertThat(o.path("effective").path("sources").path("premoderate").asText()).isEqualTo("site");
    assertThat(o.path("siteDefaults").path("premoderate").asBoolean()).isTrue();

    // what the reader sees and what moderation does follow the effective values, cached page or not
    assertThat(server.thread(As.ANONYMOUS, "inherits").json().path("thread").path("notice").asText())
        .isEqualTo("Comments on this site are reviewed.");
    assertThat(server.thread(As.ANONYMOUS, "overrides").json().path("thread").path("notice").asText())
        .isEqualTo("This story is moderated strictly.");
    assertThat(state("inherits", "A calm remark, held by the site default.")).isEqualTo("pending");

    // closing after 0 days from the first comment: every article without its own closing time is closed
    assertThat(defaults("{\"closeAfterDays\":0}").status()).isEqualTo(200);
    assertThat(server.comment(As.reader("late"), "inherits", "Too late for this one.").error())
        .isEqualTo("THREAD_CLOSED");
    assertThat(settings(plain).path("effective").path("sources").path("closesAt").asText()).isEqualTo("site");
    String later = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    assertThat(server.send(admin, "PUT", S + "/threads/" + own + "/settings", "{\"closesAt\":\"" + later + "\"}")
        .status()).isEqualTo(200);
    assertThat(state("overrides", "Still open: this article sets its own time.")).isEqualTo("published");
    assertThat(settings(own).path("effective").path("sources").path("closesAt").asText()).isEqualTo("article");

    // the change is audited, and defaults that make no sense are refused with stable codes
    JsonNode entries = server.send(admin, "GET", S + "/audit", null).json().path("entries");
    JsonNode entry = entries.get(1); // newest first: the article's closing time, then the defaults' closing
    assertThat(entry.path("action").asText()).isEqualTo("article_defaults");
    assertThat(entry.path("before").path("premoderate").asBoolean()).isTrue();
    assertThat(entry.path("after").path("closeAfterDays").asInt()).isZero();
    assertThat(defaults("{\"closeAfterDays\":-1}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(defaults("{\"closesAt\":\"2030-01-01T00:00:00Z\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(defaults("{\"notice\":\"" + "x".repeat(501) + "\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(defaults("{}").status()).isEqualTo(200);
    assertThat(settings(plain).path("effective").path("sources").path("closesAt").asText()).isEqualTo("none");
  }
}
