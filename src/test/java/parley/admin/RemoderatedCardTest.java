package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.classify.Stage;
import parley.comment.ArrivalCheck;
import parley.comment.CommentService;
import parley.comment.CommentService.PostRequest;
import parley.importing.moderate.BulkModeration;
import parley.importing.moderate.ModerationReport;
import parley.importing.moderate.ModerationSources;
import parley.moderation.Policy;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * Bulk re-moderation judges as live posting does and stores what the dashboard reads: comments stored unscored are
 * re-judged by the site's pipeline with its stored policy (scores, word lists, duplicates), and a moderator then sees
 * each card with its scores, reasons and highlighted spans (the bug: "Not scored" and blank reasons).
 */
class RemoderatedCardTest {
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  static ModerationServer server;
  static As mod;
  static long threat, suspect, firstCopy, secondCopy, clean;

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    mod = server.login("mod@example.org", Staff.PASSWORD);
    Policy stored = server.app().moderation().policy(ModerationServer.SITE);
    server.app().moderation().updatePolicy(ModerationServer.SITE, new Policy(stored.mode(), stored.trustedAfter(),
        stored.thresholds(), List.of(), List.of("referendum"), stored.maxLinks(), true, stored.userPostsPerMinute(),
        stored.ipPostsPerMinute(), stored.reportsToQueue(), stored.requireAccount()));
    // stored as an archive import or the demo seed stores them: published, never scored
    CommentService unjudged = server.app().comments().withArrivalCheck(ArrivalCheck.PUBLISH_ALL);
    threat = post(unjudged, "If they close the bridge I will kill whoever signed it.", "angry");
    suspect = post(unjudged, "Time for a referendum on the whole scheme.", "calm");
    firstCopy = post(unjudged, "Visit my page for the best deals on bus passes today.", "copier");
    secondCopy = post(unjudged, "Visit my page for the best deals on bus passes today!", "copier");
    clean = post(unjudged, "The night service until half past midnight is welcome.", "calm");
    assertThat(detail(threat).path("scores").isNull()).isTrue();

    ModerationReport report;
    try (BulkModeration run = new BulkModeration(ModerationServer.SITE, new KeywordClassifier(), Stage.FAST,
        server.app().moderation().pipeline(ModerationServer.SITE), ModerationSources.applyTo(server.app().database()))) {
      ModerationSources.site(server.app().database(), ModerationServer.SITE, run);
      report = run.finish();
    }
    assertThat(report.total()).isEqualTo(5);
    assertThat(report.render(1)).contains("Top examples: hold score.threat", "Top examples: hold words.suspect",
        "Top examples: hold duplicate");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long post(CommentService comments, String body, String client) {
    return comments.post(new PostRequest(ModerationServer.SITE, "bridge", null, "Bridge", null, "Reader " + client,
        null, body, "client-" + client)).comment().id();
  }

  private static JsonNode detail(long id) {
    var r = server.send(mod, "GET", S + "/comments/" + id, null);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    return r.json().path("comment");
  }

  @Test
  void theCardApiShowsScoresReasonsAndSpansOfTheBulkDecision() {
    JsonNode c = detail(threat);
    assertThat(c.path("state").asText()).isEqualTo("pending");
    assertThat(c.path("scores").path("scores").path("threat").asDouble()).isEqualTo(0.85);
    assertThat(c.path("scores").path("spans").get(0).path("category").asText()).isEqualTo("threat");
    JsonNode m = c.path("moderation");
    assertThat(m.path("by").asText()).isEqualTo("bulk");
    assertThat(m.path("verdict").asText()).isEqualTo("hold");
    assertThat(m.path("reasons").get(0).path("rule").asText()).isEqualTo("score.threat");
    assertThat(m.path("reasons").get(0).path("detail").asText()).startsWith("threat 0.85 ≥ hold");
  }

  @Test
  void theSitesStoredPolicyJudgesWordListsAndDuplicatesAsLivePostingWould() {
    assertThat(detail(suspect).path("moderation").path("reasons").get(0).path("rule").asText())
        .isEqualTo("words.suspect");
    assertThat(detail(firstCopy).path("state").asText()).isEqualTo("published");
    assertThat(detail(secondCopy).path("state").asText()).isEqualTo("pending");
    assertThat(detail(secondCopy).path("moderation").path("reasons").get(0).path("rule").asText())
        .isEqualTo("duplicate");
    JsonNode ok = detail(clean);
    assertThat(ok.path("state").asText()).isEqualTo("published");
    assertThat(ok.path("moderation").path("verdict").asText()).isEqualTo("publish");
    assertThat(ok.path("scores").path("scores").path("toxic").asDouble()).isEqualTo(0.02);
  }

  @Test
  void theDashboardCardShowsScoresReasonsAndHighlights() {
    String page = server.send(mod, "GET", "/admin/" + ModerationServer.SITE + "/queue/pending", null).raw().body();
    String card = page.substring(page.indexOf("data-id=\"" + threat + "\""));
    card = card.substring(0, card.indexOf("</article>"));
    assertThat(card).contains("<mark class=\"hl hl-threat\"", "threat 0.85 ≥ hold", "class=\"score lvl-hold\"")
        .doesNotContain("Not scored");
  }
}
