package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.classify.Category;
import parley.moderation.Policy;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/** The dashboard's HTML pages and forms without a browser: redirects, roles, CSRF on forms, saving the policy. */
class DashboardPagesTest {
  static ModerationServer server;

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Staff.reader(server.app(), "reader@example.org");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Reply form(As as, String path, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    String[] h = as.headers();
    for (int i = 0; i + 1 < h.length; i += 2) if (!h[i].equals("X-CSRF-Token")) b.header(h[i], h[i + 1]);
    try {
      var r = java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), null, r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> policyForm(String csrf, String banned) {
    Map<String, String> f = new LinkedHashMap<>();
    if (csrf != null) f.put("_csrf", csrf);
    f.put("mode", "PRE_MODERATE_NEW");
    f.put("trustedAfter", "3");
    Policy.defaults().thresholds().forEach((k, t) -> {
      f.put("hold_" + k.key(), String.valueOf(t.hold()));
      f.put("reject_" + k.key(), String.valueOf(t.reject()));
    });
    f.put("bannedWords", banned);
    f.put("suspectWords", "");
    f.put("maxLinks", "2");
    f.put("holdDuplicates", "on");
    f.put("userPostsPerMinute", "10");
    f.put("ipPostsPerMinute", "120");
    f.put("reportsToQueue", "3");
    return f;
  }

  @Test
  void signedOutVisitorsAreSentToTheSignInPage() {
    Reply r = server.send(As.ANONYMOUS, "GET", "/admin/news/queue/pending", null);
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.raw().headers().firstValue("Location")).hasValue("/admin/login");
    Reply login = server.send(As.ANONYMOUS, "GET", "/admin/login", null);
    assertThat(login.raw().body()).contains("<form method=\"post\" action=\"/admin/login\"");
    assertThat(login.raw().headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void wrongPasswordShowsTheFormAgainWithAMessage() {
    Reply r = form(As.ANONYMOUS, "/admin/login", Map.of("email", "admin@example.org", "password", "nope"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.raw().body()).contains("The email or password is wrong.").contains("value=\"admin@example.org\"");
  }

  @Test
  void anotherSitesFormCannotSignAVisitorIn() {
    Reply r = form(new As("Origin", "https://evil.example"), "/admin/login",
        Map.of("email", "admin@example.org", "password", Staff.PASSWORD));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.cookie("parley_session")).isNull();
  }

  @Test
  void adminsSeeThePerspectiveKeysAndTheirUsage() {
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    String before = server.send(admin, "GET", "/admin/news/settings", null).raw().body();
    assertThat(before).contains("Perspective API keys");
    var created = new parley.analysis.ApiKeyStore(server.app().database(), java.time.Clock.systemUTC()).create("coral-newsroom", 50);
    String after = server.send(admin, "GET", "/admin/news/settings", null).raw().body();
    assertThat(after).contains("coral-newsroom", created.key().prefix(), ">50<", "active");
    assertThat(after).doesNotContain(created.secret());
  }

  @Test
  void pagesNeedTheRightRole() {
    As reader = server.login("reader@example.org", Staff.PASSWORD);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    assertThat(server.send(reader, "GET", "/admin/news/queue/pending", null).status()).isEqualTo(403);
    assertThat(server.send(mod, "GET", "/admin/news/queue/pending", null).status()).isEqualTo(200);
    assertThat(server.send(mod, "GET", "/admin/news/audit", null).status()).isEqualTo(200);
    assertThat(server.send(mod, "GET", "/admin/news/settings", null).status()).isEqualTo(403);
    assertThat(server.send(mod, "GET", "/admin/other/queue/pending", null).status()).isEqualTo(403);
  }

  @Test
  void policyFormNeedsItsTokenAndSavesEveryField() {
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    Reply forged = form(admin, "/admin/news/settings", policyForm(null, "tram"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(server.app().moderation().policy("news").bannedWords()).isEmpty();

    String csrf = admin.headers()[3];
    Map<String, String> good = policyForm(csrf, "nuke\ngo die");
    good.put("hold_spam", "0.42");
    Reply saved = form(admin, "/admin/news/settings", good);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.raw().body()).contains("Policy saved");
    Policy p = server.app().moderation().policy("news");
    assertThat(p.mode()).isEqualTo(Policy.Mode.PRE_MODERATE_NEW);
    assertThat(p.trustedAfter()).isEqualTo(3);
    assertThat(p.bannedWords()).containsExactly("nuke", "go die");
    assertThat(p.requireAccount()).isFalse();
    assertThat(p.thresholds().get(Category.SPAM).hold()).isEqualTo(0.42);
    // the form names its fields by lowercase category key, as fromForm reads them
    assertThat(server.send(admin, "GET", "/admin/news/settings", null).raw().body())
        .contains("name=\"hold_spam\" value=\"0.42\"").contains("name=\"reject_toxic\"").doesNotContain("TOXIC");

    Map<String, String> bad = policyForm(csrf, "");
    bad.put("hold_threat", "0.99");
    bad.put("reject_threat", "0.5");
    Reply refused = form(admin, "/admin/news/settings", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("Not saved");
    server.app().moderation().updatePolicy("news", Policy.defaults());
  }

  @Test
  void policyFormSavesTheTrustSettingsAndKeepsThemWhenAnOlderFormLacksThem() {
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    String csrf = admin.headers()[3];
    Map<String, String> trust = policyForm(csrf, "");
    trust.putAll(Map.of("trust.publishedWeight", "2", "trust.rejectedWeight", "-5", "trust.upheldReportWeight", "-1",
        "trust.trustedAt", "4", "trust.lowAt", "-6", "trust.lowTrustHeld", "on",
        "trust.appealNote", "  write to moderation@paper.example <b>now</b> "));
    assertThat(form(admin, "/admin/news/settings", trust).status()).isEqualTo(200);
    var saved = server.app().moderation().policy("news").trust();
    assertThat(saved).isEqualTo(new parley.moderation.TrustPolicy(2, -5, -1, 4, -6, false, true,
        "write to moderation@paper.example <b>now</b>"));
    String page = server.send(admin, "GET", "/admin/news/settings", null).raw().body();
    assertThat(page).contains("name=\"trust.trustedAt\" value=\"4\"")
        .contains("write to moderation@paper.example &lt;b&gt;now&lt;/b&gt;").doesNotContain("<b>now</b>");

    // a form from before the trust fields keeps what is stored; nonsense is refused and stores nothing
    assertThat(form(admin, "/admin/news/settings", policyForm(csrf, "")).status()).isEqualTo(200);
    assertThat(server.app().moderation().policy("news").trust()).isEqualTo(saved);
    trust.put("trust.lowAt", "9");
    Reply refused = form(admin, "/admin/news/settings", trust);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("Not saved").contains("trust.lowAt");
    trust.put("trust.lowAt", "low");
    assertThat(form(admin, "/admin/news/settings", trust).status()).isEqualTo(400);
    assertThat(server.app().moderation().policy("news").trust()).isEqualTo(saved);
    server.app().moderation().updatePolicy("news", Policy.defaults());
  }

  @Test
  void threadIdentityFormsAreForAdminsNeedTheirTokenSaveParametersAndMoveThreads() {
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    long thread = server.comment(As.reader("dash-move"), "https://news.example/dash-old", "Before the move.")
        .json().path("comment").path("id").asLong();
    assertThat(server.send(admin, "GET", "/admin/news/settings", null).raw().body())
        .contains("Thread identity").contains("action=\"/admin/news/threads/move\"");
    Map<String, String> params = new LinkedHashMap<>(Map.of("params", "id, page <script>"));
    assertThat(form(admin, "/admin/news/page-params", params).status()).as("without the CSRF token").isEqualTo(403);
    params.put("_csrf", admin.headers()[3]);
    assertThat(form(mod, "/admin/news/page-params", params).status()).as("moderators").isEqualTo(403);
    Reply refused = form(admin, "/admin/news/page-params", params);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw().body()).doesNotContain("<script>");
    params.put("params", "id page");
    assertThat(form(admin, "/admin/news/page-params", params).raw().body()).contains("value=\"id page\"");
    assertThat(server.app().sites().find("news").orElseThrow().pageParams()).containsExactlyInAnyOrder("id", "page");

    Map<String, String> move = new LinkedHashMap<>(Map.of("from", "https://news.example/dash-old/#c",
        "to", "https://news.example/dash-new"));
    assertThat(form(admin, "/admin/news/threads/move", move).status()).as("without the CSRF token").isEqualTo(403);
    move.put("_csrf", admin.headers()[3]);
    Reply moved = form(admin, "/admin/news/threads/move", move);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.raw().body()).contains("Moved to news.example/dash-new");
    long commentThread = server.app().database().read(h -> h.createQuery(
        "SELECT t.id FROM threads t JOIN comments c ON c.thread_id = t.id WHERE c.id = " + thread
            + " AND t.page_key = 'news.example/dash-new'").mapTo(Long.class).one());
    assertThat(server.thread(As.ANONYMOUS, "https://news.example/dash-old").json().path("thread").path("id").asLong())
        .isEqualTo(commentThread);
    move.put("from", "https://news.example/nothing-here");
    Reply missing = form(admin, "/admin/news/threads/move", move);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.raw().body()).contains("Not moved");
    server.app().sites().setPageParams("news", java.util.Set.of());
  }

  @Test
  void spamDefenceFormIsForAdminsNeedsItsTokenAndSaves() {
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    assertThat(server.send(mod, "GET", "/admin/news/defence", null).status()).isEqualTo(403);
    String page = server.send(admin, "GET", "/admin/news/defence", null).raw().body();
    assertThat(page).contains("Proof of work").contains("name=\"honeypot\" checked");
    Map<String, String> f = new LinkedHashMap<>(Map.of("proofOfWork", "on", "difficulty", "5000"));
    assertThat(form(admin, "/admin/news/defence", f).status()).as("without the CSRF token").isEqualTo(403);
    f.put("_csrf", admin.headers()[3]);
    Reply saved = form(admin, "/admin/news/defence", f);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.raw().body()).contains("Saved.");
    var settings = server.send(admin, "GET", "/api/v1/sites/news/defence", null).json();
    assertThat(settings.path("proofOfWork").asBoolean()).isTrue();
    assertThat(settings.path("honeypot").asBoolean()).as("an unticked box is off").isFalse();
    assertThat(settings.path("difficulty").asLong()).isEqualTo(5000);
    f.put("difficulty", "5");
    Reply refused = form(admin, "/admin/news/defence", f);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.raw().body()).contains("Not saved").contains("difficulty");
    f.put("difficulty", "many");
    assertThat(form(admin, "/admin/news/defence", f).status()).isEqualTo(400);
    server.send(admin, "PUT", "/api/v1/sites/news/defence", "{\"honeypot\":true,\"proofOfWork\":false}");
  }

  @Test
  void queuePageEscapesCommentText() {
    server.comment(As.reader("xss"), "xss", "<script>alert(1)</script> you idiot");
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    String html = server.send(mod, "GET", "/admin/news/queue/pending", null).raw().body();
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    assertThat(html).contains("<mark class=\"hl hl-insult\"");
  }

  /** The live queue inserts single cards: same role rules as the queue page, same escaping, a clear 404. */
  @Test
  void oneCardIsServedToModeratorsOfItsSiteOnlyAndEscaped() {
    long id = server.comment(As.reader("xss-card"), "xss-card", "<img src=x onerror=alert(1)> you idiot").json()
        .path("comment").path("id").asLong();
    As reader = server.login("reader@example.org", Staff.PASSWORD);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    assertThat(server.send(As.ANONYMOUS, "GET", "/admin/news/cards/" + id, null).status()).isEqualTo(302);
    assertThat(server.send(reader, "GET", "/admin/news/cards/" + id, null).status()).isEqualTo(403);
    assertThat(server.send(mod, "GET", "/admin/other/cards/" + id, null).status()).isEqualTo(403);
    Reply card = server.send(mod, "GET", "/admin/news/cards/" + id, null);
    assertThat(card.status()).isEqualTo(200);
    assertThat(card.raw().body().strip()).startsWith("<article").contains("data-id=\"" + id + "\"")
        .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    assertThat(server.send(mod, "GET", "/admin/news/cards/999999", null).error()).isEqualTo("COMMENT_NOT_FOUND");
    assertThat(server.send(mod, "GET", "/admin/news/cards/abc", null).error()).isEqualTo("COMMENT_NOT_FOUND");
  }
}
