package parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.testing.WebhookReceiver;

/** The dashboard's webhooks page: admins only, forms with the CSRF token, the secret shown once, hostile URLs refused. */
class WebhookPageTest {
  static ModerationServer server;
  static As admin;
  static As mod;
  final HttpClient http = HttpClient.newHttpClient();

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

  private Reply page(As as, String method, String path, String form) {
    var b = HttpRequest.newBuilder(URI.create(server.base() + path)).header("Cookie", as.headers()[1]);
    if (form == null) b.GET();
    else b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    return Reply.exchange(http, b.build());
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void anAdminAddsAndDeletesAHookAndSeesTheSecretOnce() {
    String csrf = admin.headers()[3];
    Reply shown = page(admin, "GET", "/admin/news/webhooks", null);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.raw().body()).contains("No webhooks yet.").contains("name=\"_csrf\"");

    Reply added = page(admin, "POST", "/admin/news/webhooks", String.join("&", field("_csrf", csrf),
        field("url", "https://hooks.example/x?a=1&b=2"), field("format", "slack"), field("events", "held"), field("events", "reported")));
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.raw().body()).contains("whsec_").contains("https://hooks.example/x?a=1&amp;b=2")
        .contains("[held, reported]");
    assertThat(page(admin, "GET", "/admin/news/webhooks", null).raw().body()).doesNotContain("whsec_");

    long id = server.send(admin, "GET", "/api/v1/sites/news/webhooks", null).json().path("webhooks").get(0).path("id").asLong();
    assertThat(page(admin, "POST", "/admin/news/webhooks/" + id + "/delete", field("_csrf", "wrong")).status()).isEqualTo(403);
    Reply deleted = page(admin, "POST", "/admin/news/webhooks/" + id + "/delete", field("_csrf", csrf));
    assertThat(deleted.raw().body()).contains("Webhook deleted.").contains("No webhooks yet.");
  }

  @Test
  void refusedWithoutTheTokenForModeratorsAndForBadUrls() {
    assertThat(page(admin, "POST", "/admin/news/webhooks", field("url", "https://hooks.example/")).status()).isEqualTo(403);
    assertThat(page(mod, "GET", "/admin/news/webhooks", null).status()).isEqualTo(403);
    for (String url : new String[] {"javascript:alert(1)", "https://hooks.example/<script>alert(1)</script>"}) {
      Reply bad = page(admin, "POST", "/admin/news/webhooks", field("_csrf", admin.headers()[3]) + "&" + field("url", url));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.raw().body()).contains("Not added").doesNotContain("<script>alert(1)");
    }
    // the JSON API wants the CSRF header from a session too
    Reply noCsrf = server.send(new As("Cookie", admin.headers()[1]), "POST", "/api/v1/sites/news/webhooks",
        "{\"url\":\"https://hooks.example/\"}");
    assertThat(noCsrf.json().path("error").path("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");
  }
}
