package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.ModerationServer;

/** The dashboard's language over real HTTP: cookie, then Accept-Language, then English; the menu's cookie. */
class LanguageMenuHandlersTest {
  static ModerationServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path));
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signInPageFollowsAcceptLanguage() throws Exception {
    String de = get("/admin/login", "Accept-Language", "de-AT,de;q=0.9,en;q=0.5").body();
    assertThat(de).contains("<html lang=\"de\" dir=\"ltr\">", "<title>Anmelden · Parley</title>", ">Passwort <input");
    String ar = get("/admin/login", "Accept-Language", "ar-EG").body();
    assertThat(ar).contains("<html lang=\"ar\" dir=\"rtl\">", "كلمة المرور");
    String none = get("/admin/login", "Accept-Language", "ja").body();
    assertThat(none).contains("<html lang=\"en\" dir=\"ltr\">", ">Password <input");
  }

  @Test
  void theCookieWinsOverTheHeader() throws Exception {
    String body = get("/admin/login", "Accept-Language", "ar", "Cookie", "parley_lang=de").body();
    assertThat(body).contains("<html lang=\"de\"", "Anmelden");
  }

  @Test
  void errorPagesAreTranslated() throws Exception {
    // a signed-in form from another origin gets the translated 403 page
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
        .header("Accept-Language", "de").POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=x")).build();
    HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Nicht erlaubt", "Zurück zum Dashboard").doesNotContain("Not allowed");
  }

  @Test
  void theMenuSetsTheCookieAndGoesBack() throws Exception {
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.base() + "/admin/lang"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", server.base() + "/admin/login")
        .POST(HttpRequest.BodyPublishers.ofString("lang=ar")).build();
    HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/login");
    assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
        assertThat(c).contains("parley_lang=ar", "Path=/admin", "HttpOnly", "SameSite=Lax"));
  }

  @Test
  void theMenuNeverRedirectsOffTheDashboard() {
    assertThat(LanguageMenuHandlers.backTo("https://evil.example/admin", "http://localhost:1")).isEqualTo("/admin");
    assertThat(LanguageMenuHandlers.backTo(null, "http://localhost:1")).isEqualTo("/admin");
    assertThat(LanguageMenuHandlers.backTo("http://localhost:1/admin/news/audit", "http://localhost:1"))
        .isEqualTo("/admin/news/audit");
  }
}
