package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer.As;
import parley.testing.NewsSiteFlow;
import parley.testing.Reply;

/**
 * An article can switch off what its site's defaults switch on (issue 16): pre-moderation and Q&A off for one live
 * story on a site that holds everything, and "keep open" against the site's closing rule; and back to the site's
 * values with a field left out. On both databases.
 */
class ArticleOverridesFlowTest extends NewsSiteFlow {

  long thread(String page) {
    server.comment(As.reader("opener-" + page), page, "The first comment on this article.");
    return server.app().comments().thread("news", page, parley.comment.Sort.OLDEST, null, 1, null).thread().id();
  }

  Reply put(long thread, String json) {
    return server.send(admin, "PUT", S + "/threads/" + thread + "/settings", json);
  }

  JsonNode settings(long thread) {
    return server.send(admin, "GET", S + "/threads/" + thread + "/settings", null).json();
  }

  Reply comment(String page, String body) {
    return server.comment(As.reader("reader-" + Math.abs(body.hashCode())), page, body);
  }

  @Test
  void anArticleSwitchesOffWhatTheSiteSwitchesOnAndFollowsItAgainWhenLeftOut() {
    long live = thread("live-blog");
    thread("ordinary");
    assertThat(server.send(admin, "PUT", S + "/article-defaults",
        "{\"premoderate\":true,\"qa\":true,\"closeAfterDays\":0}").status()).isEqualTo(200);

    // the ordinary article follows the site: closed (0 days), held, Q&A
    assertThat(comment("ordinary", "Closed by the site's rule.").error()).isEqualTo("THREAD_CLOSED");
    assertThat(server.thread(As.ANONYMOUS, "ordinary").json().path("thread").path("qa").asBoolean()).isTrue();

    // the live blog switches all three off for itself
    Reply saved = put(live, "{\"premoderate\":false,\"qa\":false,\"keepOpen\":true}");
    assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
    JsonNode own = settings(live);
    assertThat(own.path("premoderate").isBoolean()).isTrue();
    assertThat(own.path("premoderate").asBoolean()).isFalse();
    assertThat(own.path("keepOpen").asBoolean()).isTrue();
    JsonNode effective = own.path("effective");
    assertThat(effective.path("premoderate").asBoolean()).isFalse();
    assertThat(effective.path("qa").asBoolean()).isFalse();
    assertThat(effective.path("closesAt").isNull()).isTrue();
    assertThat(effective.path("sources").path("premoderate").asText()).isEqualTo("article");
    assertThat(effective.path("sources").path("closesAt").asText()).isEqualTo("article");
    assertThat(comment("live-blog", "Published at once on the live blog.").json().path("comment").path("state")
        .asText()).isEqualTo("published");
    assertThat(server.thread(As.ANONYMOUS, "live-blog").json().path("thread").path("qa").asBoolean()).isFalse();

    // left out, the fields follow the site again: null in the article's own settings, the site's values in force
    assertThat(put(live, "{}").status()).isEqualTo(200);
    own = settings(live);
    assertThat(own.path("premoderate").isNull()).isTrue();
    assertThat(own.path("qa").isNull()).isTrue();
    assertThat(own.path("effective").path("sources").path("premoderate").asText()).isEqualTo("site");
    assertThat(comment("live-blog", "Closed again by the site's rule.").error()).isEqualTo("THREAD_CLOSED");

    // an article that switches pre-moderation on for itself is held on a site that holds nothing
    assertThat(server.send(admin, "PUT", S + "/article-defaults", "{}").status()).isEqualTo(200);
    assertThat(put(live, "{\"premoderate\":true}").status()).isEqualTo(200);
    assertThat(comment("live-blog", "Held because this article says so.").json().path("comment").path("state")
        .asText()).isEqualTo("pending");
  }

  @Test
  void contradictionsAndWrongTypesAreRefusedWithStableCodes() {
    long t = thread("refusals");
    String later = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .toString();
    assertThat(put(t, "{\"keepOpen\":true,\"closesAt\":\"" + later + "\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "{\"keepOpen\":true,\"closeAfterDays\":3}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "{\"qa\":\"off\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "{\"keepOpen\":1}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(server.send(admin, "PUT", S + "/article-defaults", "{\"keepOpen\":true}").error())
        .isEqualTo("VALIDATION_FAILED");
    // nothing was stored by the refused requests
    JsonNode own = settings(t);
    assertThat(own.path("keepOpen").asBoolean()).isFalse();
    assertThat(own.path("closesAt").isNull()).isTrue();
  }
}
