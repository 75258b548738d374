package parley.web;

import parley.kit.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.auth.Role;
import parley.comment.CommentService;
import parley.testing.TestServer;
import parley.testing.Reply;
import parley.testing.Staff;

/** XSS, SQL injection, oversized and malformed input: stored safely, rendered inert, refused clearly. */
class HostileInputTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(c -> c.withSite("news", List.of("https://news.example")));
    var staff = Staff.auth(server.app()).createStaff("maren@example.org", Staff.PASSWORD, "news", Role.MODERATOR);
    Staff.auth(server.app()).accounts().updateProfile(staff.id(), "Maren Okafor", "maren@example.org");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Reply post(String page, Object parent, String author, String body) {
    String json = "{\"site\":\"news\",\"page\":" + quote(page) + ",\"parentId\":" + parent + ",\"author\":"
        + quote(author) + ",\"body\":" + quote(body) + "}";
    return server.postJson("/api/v1/comments", json);
  }

  private static String quote(String s) {
    return Json.MAPPER.valueToTree(s).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<a href=\"javascript:alert(1)\">click</a>",
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](  javascript:alert(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[click](vbscript:msgbox(1))",
      "<svg onload=alert(1)>",
      "<iframe src=\"https://evil.example\"></iframe>",
      "<div style=\"background:url(javascript:alert(1))\">x</div>",
      "![img](https://evil.example/pixel.gif \"onerror=alert(1)\")",
      "<<script>script>alert(1)<</script>/script>",
      "`<script>` in code is fine",
      "<p onmouseover=\"alert(1)\">hover</p>",
  })
  void markupIsRenderedInert(String body) {
    Reply r = post("xss", null, "Mallory", body);
    assertThat(r.status()).isEqualTo(201);
    String html = r.json().path("comment").path("html").asText().toLowerCase(java.util.Locale.ROOT);
    // dangerous text may remain visible as escaped text; no tag, URL or attribute may stay active
    assertThat(html).doesNotContain("<script", "<img", "<svg", "<iframe", "<div", "href=\"javascript",
        "href=\"vbscript", "href=\"data", "onerror=", "onload=", "onmouseover=", "style=");
    assertThat(html.replaceAll("</?(p|a|code|em|strong)( href=\"[^\"]*\")?( rel=\"nofollow ugc noopener\")?>", ""))
        .doesNotContain("<");
    // the original text is kept for moderators and edits
    long id = r.json().path("comment").path("id").asLong();
    String stored = server.app().database().read(h -> h.createQuery("SELECT body_markdown FROM comments WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
    assertThat(stored).isEqualTo(body);
  }

  @Test
  void linksGetNofollowUgcNoopener() {
    Reply r = post("links", null, "Ann", "see https://example.org and [docs](https://docs.example/a?b=1)");
    String html = r.json().path("comment").path("html").asText();
    assertThat(html).contains("href=\"https://example.org\"", "href=\"https://docs.example/a?b&#61;1\"");
    assertThat(html.split("rel=\"nofollow ugc noopener\"", -1)).hasSize(3);
  }

  @Test
  void authorNamesAreStoredAsPlainText() {
    Reply r = post("names", null, "<img src=x onerror=alert(1)>", "hi");
    // JSON carries the literal text; the widget renders it with textContent
    assertThat(r.json().path("comment").path("author").asText()).isEqualTo("<img src=x onerror=alert(1)>");
  }

  @Test
  void sqlLookingInputIsJustText() {
    String evil = "'; DROP TABLE comments; -- \" OR 1=1 --";
    Reply r = post("sql' OR '1'='1", null, "Robert'); DROP TABLE sites;--", evil);
    assertThat(r.status()).isEqualTo(201);
    Reply read = server.get("/api/v1/threads?site=news&page=sql%27%20OR%20%271%27%3D%271");
    assertThat(read.json().path("comments")).hasSize(1);
    assertThat(read.json().path("comments").get(0).path("author").asText()).isEqualTo("Robert'); DROP TABLE sites;--");
    assertThat(server.get("/api/v1/threads?site=news&page=%27%20OR%201%3D1%20--").json().path("thread").isNull())
        .isTrue();
    assertThat(server.get("/api/v1/threads?site=news%27%20OR%201%3D1--&page=x").error()).isEqualTo("SITE_NOT_FOUND");
    assertThat(server.get("/api/v1/threads?site=demo&page=demo-article").json().path("comments")).isNotEmpty();
  }

  @Test
  void invalidUtf8IsRefusedAndNothingIsStored() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"site\":\"news\",\"page\":\"utf\",\"body\":\"bad ".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
    body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
    Reply r = server.send("POST", "/api/v1/comments", "application/json", body.toByteArray());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("INVALID_ENCODING");
    assertThat(server.get("/api/v1/threads?site=news&page=utf").json().path("thread").isNull()).isTrue();
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreCleaned() {
    Reply r = server.postJson("/api/v1/comments",
        "{\"site\":\"news\",\"page\":\"ctl\",\"author\":\"A\\u0000nn\",\"body\":\"nul\\u0000 bell\\u0007 lone \\ud800 ok\"}");
    assertThat(r.status()).isEqualTo(201);
    JsonNode c = r.json().path("comment");
    assertThat(c.path("author").asText()).isEqualTo("Ann");
    assertThat(c.path("html").asText()).isEqualTo("<p>nul bell lone &#xfffd; ok</p>");
  }

  @Test
  void oneMegabyteBodiesAreRefusedWith413() {
    Reply r = post("big", null, "Ann", "z".repeat(1024 * 1024));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.error()).isEqualTo("REQUEST_TOO_LARGE");
    assertThat(server.get("/api/v1/threads?site=news&page=big").json().path("thread").isNull()).isTrue();
  }

  @Test
  void deeplyNestedJsonIsRefusedNotCrashed() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Reply r = server.postJson("/api/v1/comments", "{\"site\":\"news\",\"page\":\"deep\",\"body\":" + deep + "}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isIn("MALFORMED_JSON", "VALIDATION_FAILED");
  }

  @Test
  void repliesNestAHundredDeepAndStopAtTheLimit() {
    Long parent = null;
    for (int depth = 0; depth <= 100; depth++) {
      Reply r = post("deep-thread", parent, "D" + depth, "level " + depth);
      assertThat(r.status()).as("depth " + depth).isEqualTo(201);
      parent = r.json().path("comment").path("id").asLong();
    }
    JsonNode node = server.get("/api/v1/threads?site=news&page=deep-thread").json().path("comments").get(0);
    int depth = 0;
    while (node.path("replies").size() == 1) {
      node = node.path("replies").get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(100);
    assertThat(node.path("html").asText()).isEqualTo("<p>level 100</p>");

    for (int d = 101; d <= CommentService.MAX_DEPTH; d++) {
      parent = post("deep-thread", parent, "D", "deeper").json().path("comment").path("id").asLong();
    }
    Reply tooDeep = post("deep-thread", parent, "D", "one too many");
    assertThat(tooDeep.status()).isEqualTo(400);
    assertThat(tooDeep.error()).isEqualTo("REPLY_TOO_DEEP");
  }

  @Test
  void csrfStyleFormPostsCannotCreateComments() {
    Reply r = server.send("POST", "/api/v1/comments", "text/plain",
        "{\"site\":\"news\",\"page\":\"csrf\",\"body\":\"forged\"}".getBytes(StandardCharsets.UTF_8),
        "Origin", "https://news.example");
    assertThat(r.status()).isEqualTo(415);
    Reply foreign = server.postJson("/api/v1/comments", "{\"site\":\"news\",\"page\":\"csrf\",\"body\":\"forged\"}",
        "Origin", "https://evil.example");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(server.get("/api/v1/threads?site=news&page=csrf").json().path("thread").isNull()).isTrue();
  }

  @Test
  void oversizedFieldsAreRefusedWithTheirName() {
    Reply name = post("fields", null, "n".repeat(81), "hi");
    assertThat(name.error()).isEqualTo("VALIDATION_FAILED");
    assertThat(name.json().path("error").path("message").asText()).contains("author");
    Reply page = post("p".repeat(513), null, "Ann", "hi");
    assertThat(page.json().path("error").path("message").asText()).contains("page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"site\":\"news\",\"page\":\"trail\",\"body\":\"hi\"} garbage",
      "{\"site\":\"news\",\"page\":\"trail\",\"body\":\"hi\"}{\"body\":\"second\"}",
      "{\"site\":\"news\",\"page\":\"trail\",\"body\":\"hi\"}]", "{\"site\":\"news\",\"page\":\"trail\",\"body\":\"hi\"} 42"})
  void jsonWithTrailingGarbageIsMalformed(String json) {
    Reply r = server.postJson("/api/v1/comments", json);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("MALFORMED_JSON");
    assertThat(server.get("/api/v1/threads?site=news&page=trail").json().path("thread").isNull()).isTrue();
    // whitespace after the object is still fine
    assertThat(server.postJson("/api/v1/comments", "{\"site\":\"news\",\"page\":\"trail-ok\",\"body\":\"hi\"}\n ")
        .status()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D\u2060\uFEFF", " \u00AD \u200E\u200F ", "\u3164\u3164",
      "\u2800", "\u202E\u202C", "\uFE0F\u034F", "\n\u200B\n\t\u2063"})
  void aBodyOfOnlyInvisibleCharactersIsEmpty(String body) {
    Reply r = post("invisible", null, "Ann", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("COMMENT_EMPTY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200B\u200D\u2060", "\u3164", "\u2800\u2800", "\u00AD",
      "Ana\u202Erotaredom", "\u202DAdmin", "Bob\u2067x\u2069", "\u2066Eve"})
  void invisibleNamesAndDirectionOverridesAreRefused(String name) {
    Reply r = post("names-bidi", null, name, "hello");
    assertThat(r.status()).as(name).isEqualTo(400);
    assertThat(r.error()).isEqualTo("AUTHOR_NAME_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Moderator", "moderator", "MODERATOR", "M o d e r a t o r", "M.o.d.e.r.a.t.o.r", "Mod\u200Berator",
      "Admin", "ADMlN", "Adrnin", "Adm1n", "\u0410dmin", "Administrator", "The Moderator", "admin_team", "Parley", "P\u0430rley",
      "Maren Okafor", "maren  okafor", "MAREN OKAF0R", "Mar\u0435n Okafor"})
  void namesThatPassForStaffAreRefused(String name) {
    Reply r = post("names-staff", null, name, "hello");
    assertThat(r.status()).as(name).isEqualTo(400);
    assertThat(r.error()).isEqualTo("AUTHOR_NAME_RESERVED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Badminton fan", "Madmin", "Maren", "Okafor", "Parleyvous", "Ana", "Mod\u00E9rateur? non, lectrice",
      "\u0639\u0644\u064A", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "Zo\u00EB"})
  void ordinaryNamesStillPass(String name) {
    Reply r = post("names-ok", null, name, "hello");
    assertThat(r.status()).as(name + " " + r.raw().body()).isEqualTo(201);
    assertThat(r.json().path("comment").path("author").asText()).isEqualTo(name);
  }
}
