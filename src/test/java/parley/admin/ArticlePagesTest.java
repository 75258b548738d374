package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/** The dashboard's article pages without a browser: site defaults (admins), one article's overrides (moderators). */
class ArticlePagesTest {
  static ModerationServer server;
  static As admin;
  static As mod;

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    admin = server.login("admin@example.org", Staff.PASSWORD);
    mod = server.login("mod@example.org", Staff.PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A form post the way a browser sends it: the session cookie and the _csrf field, no CSRF header. */
  static Reply form(As as, String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var b = HttpRequest.newBuilder(URI.create(server.base() + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    String[] h = as.headers();
    for (int i = 0; i + 1 < h.length; i += 2) if (!h[i].equals("X-CSRF-Token")) b.header(h[i], h[i + 1]);
    try {
      var r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), null, r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> fields(As as, String... pairs) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", as.headers()[3]);
    for (int i = 0; i + 1 < pairs.length; i += 2) f.put(pairs[i], pairs[i + 1]);
    return f;
  }

  long thread(String page) {
    server.comment(As.reader("opener-" + page), page, "The first comment on this article.");
    return server.app().comments().thread("news", page, parley.comment.Sort.OLDEST, null, 1, null).thread().id();
  }

  @Test
  void anArticlePageShowsWhatIsInForceAndWhereItCameFromAndSavesOverrides() {
    long t = thread("dash-article");
    assertThat(server.send(mod, "GET", "/admin/news/article-defaults", null).status()).isEqualTo(403);
    Reply defaults = form(admin, "/admin/news/article-defaults",
        fields(admin, "premoderate", "on", "closeAfterDays", "", "notice", "Site-wide <b>notice</b>"));
    assertThat(defaults.status()).as(defaults.raw().body()).isEqualTo(200);
    assertThat(defaults.raw().body()).contains("Saved.").contains("Site-wide &lt;b&gt;notice&lt;/b&gt;");

    // a held comment's card in the queue links to the article's page
    server.comment(As.reader("held"), "dash-article", "Held by the site default, shown in the queue.");
    assertThat(server.send(mod, "GET", "/admin/news/queue/pending", null).raw().body())
        .contains("href=\"/admin/news/threads/" + t + "\"");
    String page = server.send(mod, "GET", "/admin/news/threads/" + t, null).raw().body();
    assertThat(page).contains("Site-wide &lt;b&gt;notice&lt;/b&gt;</td><td>site default</td>")
        .contains("<td>on</td><td>site default</td>").contains("<td>–</td><td>not set</td>");

    Reply saved = form(mod, "/admin/news/threads/" + t,
        fields(mod, "notice", "Strict on this story", "closesAt", "", "closeAfterDays", "30"));
    assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
    assertThat(saved.raw().body()).contains("Strict on this story</td><td>this article</td>")
        .contains("<td>on</td><td>site default</td>");
    assertThat(server.thread(As.ANONYMOUS, "dash-article").json().path("thread").path("notice").asText())
        .isEqualTo("Strict on this story");

    // the three-way choice offers "as the site (now on)"; "off" switches the site's pre-moderation off here
    assertThat(saved.raw().body()).contains("As the site (now on)");
    Reply off = form(mod, "/admin/news/threads/" + t, fields(mod, "premoderate", "off", "keepOpen", "on"));
    assertThat(off.status()).as(off.raw().body()).isEqualTo(200);
    assertThat(off.raw().body()).contains("<td>off</td><td>this article</td>")
        .contains("<option value=\"off\" selected>");
    assertThat(server.comment(As.reader("live"), "dash-article", "Published: this story is not pre-moderated.")
        .json().path("comment").path("state").asText()).isEqualTo("published");
    assertThat(form(mod, "/admin/news/threads/" + t, fields(mod, "keepOpen", "on", "closeAfterDays", "3")).status())
        .isEqualTo(400);

    Reply bad = form(mod, "/admin/news/threads/" + t, fields(mod, "closesAt", "tomorrow"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.raw().body()).contains("Not saved");
    Map<String, String> forged = fields(mod, "notice", "forged");
    forged.remove("_csrf");
    assertThat(form(mod, "/admin/news/threads/" + t, forged).status()).isEqualTo(403);
    assertThat(server.send(mod, "GET", "/admin/news/threads/999999", null).status()).isEqualTo(404);
  }
}
