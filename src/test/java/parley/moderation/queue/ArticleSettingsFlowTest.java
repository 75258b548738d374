package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/** Per-article settings (issue 16): pre-moderation, a notice, a closing time; through the API on both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleSettingsFlowTest {
  @Parameter
  Dialect dialect;
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  ModerationServer server;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, new KeywordClassifier());
    mod = server.staff("mod@example.org", Role.MODERATOR);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  long thread(String page) {
    server.comment(As.reader("opener-" + page), page, "The first comment on this article.");
    return server.app().comments().thread("news", page, parley.comment.Sort.OLDEST, null, 1, null).thread().id();
  }

  Reply put(long thread, String json) {
    return server.send(mod, "PUT", S + "/threads/" + thread + "/settings", json);
  }

  @Test
  void aPremoderatedArticleHoldsEveryCommentThroughThePipeline() {
    long t = thread("strict");
    assertThat(put(t, "{\"premoderate\":true}").status()).isEqualTo(200);
    JsonNode c = server.comment(As.reader("calm"), "strict", "A calm and kind remark.").json().path("comment");
    assertThat(c.path("state").asText()).isEqualTo("pending");
    JsonNode item = server.send(mod, "GET", S + "/comments/" + c.path("id").asLong(), null).json();
    assertThat(item.toString()).contains("thread.premoderate");
    // other articles of the site are untouched
    assertThat(server.comment(As.reader("calm"), "relaxed", "Another calm remark here.").json()
        .path("comment").path("state").asText()).isEqualTo("published");
    assertThat(put(t, "{\"premoderate\":false}").status()).isEqualTo(200);
    assertThat(server.comment(As.reader("calm2"), "strict", "Calm again, now published.").json()
        .path("comment").path("state").asText()).isEqualTo("published");
  }

  @Test
  void theNoticeIsShownWithTheThreadAsPlainTextAndEveryChangeIsAudited() {
    long t = thread("notice");
    String hostile = "Moderated strictly <script>alert(1)</script><img src=x onerror=alert(2)>";
    Reply saved = put(t, "{\"notice\":" + ModerationServer.quote(hostile) + "}");
    assertThat(saved.json().path("notice").asText()).isEqualTo(hostile);
    // stored and served verbatim as a JSON string; the widget writes it with textContent (WidgetBrowserTest)
    assertThat(server.thread(As.ANONYMOUS, "notice").json().path("thread").path("notice").asText()).isEqualTo(hostile);
    assertThat(server.send(mod, "GET", S + "/threads/" + t + "/settings", null).json().path("notice").asText())
        .isEqualTo(hostile);
    JsonNode entry = server.send(mod, "GET", S + "/audit", null).json().path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("thread_settings");
    assertThat(entry.path("before").path("notice").isNull()).isTrue();
    assertThat(entry.path("after").path("notice").asText()).isEqualTo(hostile);
    assertThat(put(t, "{\"notice\":" + ModerationServer.quote("x".repeat(501)) + "}").error())
        .isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void anArticleClosesAtItsTimeOrAfterItsDays() {
    long t = thread("timed");
    String future = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    assertThat(put(t, "{\"closesAt\":\"" + future + "\"}").json().path("closesAt").asText()).isEqualTo(future);
    assertThat(server.comment(As.reader("early"), "timed", "Still open for a while.").status()).isEqualTo(201);
    assertThat(server.thread(As.ANONYMOUS, "timed").json().path("thread").path("closed").asBoolean()).isFalse();

    String past = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
    Reply closing = put(t, "{\"closesAt\":\"" + past + "\"}");
    assertThat(closing.status()).as(closing.raw().body()).isEqualTo(200);
    Reply late = server.comment(As.reader("late"), "timed", "Too late now.");
    assertThat(late.error()).as(late.raw().body()).isEqualTo("THREAD_CLOSED");
    assertThat(server.thread(As.ANONYMOUS, "timed").json().path("thread").path("closed").asBoolean()).isTrue();

    // "after 0 days" counts from the article's first comment: closed at once; 30 days: open again
    Reply zero = put(t, "{\"closeAfterDays\":0}");
    assertThat(zero.status()).as(zero.raw().body()).isEqualTo(200);
    assertThat(server.comment(As.reader("late"), "timed", "Too late now.").error()).isEqualTo("THREAD_CLOSED");
    assertThat(put(t, "{\"closeAfterDays\":30}").status()).isEqualTo(200);
    assertThat(server.comment(As.reader("late2"), "timed", "Open again for a month.").status()).isEqualTo(201);
  }

  @Test
  void badSettingsAreRefusedWithStableCodes() {
    long t = thread("bad");
    assertThat(put(t, "{\"closesAt\":\"tomorrow\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "{\"closesAt\":\"2030-01-01T00:00:00Z\",\"closeAfterDays\":3}").error())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "{\"closeAfterDays\":-1}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "{\"premoderate\":\"yes\"}").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(put(t, "[1,2").status()).isEqualTo(400);
    assertThat(put(999_999, "{}").error()).isEqualTo("THREAD_NOT_FOUND");
    // a moderator's session without its CSRF token cannot change settings
    As noCsrf = new As(mod.headers()[0], mod.headers()[1]);
    Reply forged = server.send(noCsrf, "PUT", S + "/threads/" + t + "/settings", "{\"premoderate\":true}");
    assertThat(forged.error()).isEqualTo("CSRF_TOKEN_INVALID");
    assertThat(server.send(mod, "GET", S + "/threads/" + t + "/settings", null).json().path("premoderate")
        .asBoolean()).isFalse();
  }
}
