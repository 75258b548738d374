package parley.importing.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.importing.ImportLimits;
import parley.importing.Progress;
import parley.importing.json.JsonExport;
import parley.importing.json.JsonImport;
import parley.testing.Chromium;
import parley.testing.TestServer;
import parley.kit.Json;

/**
 * Issue 18 items 1 and 7: a Parley JSON export edited to carry script (an img onerror, a script element, a
 * javascript: link), a 30,000-character message and a javascript: thread link is restored into a running server;
 * the API serves none of it and no script runs on the article page in Chromium.
 */
class RestoredHtmlBrowserTest {
  private static final String PAYLOAD = "<p>restored-marker</p><img src=x onerror=\"window.__xss='img'\">"
      + "<script>window.__xss='script'</script><a href=\"javascript:window.__xss='link'\">click</a>"
      + "<p onclick=\"window.__xss='click'\" style=\"position:fixed\">styled</p><iframe src=\"javascript:1\"></iframe>";
  private static TestServer server;
  private static Chromium chromium;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    post("restored-marker", "evil reader");
    post("long-marker", "long reader");
    String export = export();
    String tampered = export
        .replace(Json.MAPPER.writeValueAsString("<p>restored-marker</p>"), Json.MAPPER.writeValueAsString(PAYLOAD))
        .replace("\"body_markdown\" : \"long-marker\"", "\"body_markdown\" : \"" + "y".repeat(30_000) + "\"")
        .replaceFirst("\"url\" : (null|\"[^\"]*\")", "\"url\" : \"javascript:alert(1)\"")
        .replace("\"state\" : \"pending\"", "\"state\" : \"published\""); // the file decides, not the classifier
    assertThat(tampered).contains("onerror", "y".repeat(30_000), "javascript:alert(1)");
    JsonImport.Result result = JsonImport.read(server.app().database(),
        new ByteArrayInputStream(tampered.getBytes(StandardCharsets.UTF_8)), 100, Progress.none(),
        new ImportLimits(10_000));
    assertThat(result.warnings()).anyMatch(w -> w.contains("max.comment.chars"))
        .anyMatch(w -> w.contains("not an http(s) URL"));
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  private static void post(String body, String author) throws Exception {
    var res = server.postJson("/api/v1/comments", Json.MAPPER.writeValueAsString(
        Map.of("site", "demo", "page", "demo-article", "author", author, "body", body)), "X-Parley-Client", "c-" + author);
    assertThat(res.status()).as(res.raw().body()).isEqualTo(201);
  }

  private static String export() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonExport.write(server.app().database(), "demo", out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theApiServesNoScriptNoOverlongBodyAndNoScriptLink() {
    String thread = server.get("/api/v1/threads?site=demo&page=demo-article").raw().body();
    assertThat(thread.contains("y".repeat(10_000)) && !thread.contains("y".repeat(10_001)))
        .as("the 30,000-character body is cut to max.comment.chars").isTrue();
    String rest = thread.replace("y".repeat(10_000), "");
    assertThat(rest).contains("restored-marker", "click", "styled")
        .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("onclick")
        .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<img");
    String url = server.app().database().read(h -> h.createQuery(
        "SELECT url FROM threads WHERE site_id = 'demo' AND page_key = 'demo-article'").mapTo(String.class).one());
    assertThat(url).isNull();
  }

  @Test
  void noScriptRunsOnTheArticlePage() {
    chromium = Chromium.launch();
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(server.base() + "/");
      page.waitForSelector(".parley-comment >> text=restored-marker");
      // the link lost its javascript: target and the paragraph its handler: clicking them runs nothing
      page.locator(".parley-comment >> text=click").first().click();
      page.locator(".parley-comment >> text=styled").first().click();
      assertThat(page.evaluate("() => window.__xss === undefined ? 'none' : String(window.__xss)")).isEqualTo("none");
      assertThat((Number) page.evaluate("() => document.querySelectorAll('.parley-comment img, .parley-comment script, "
          + ".parley-comment iframe, .parley-comment [onerror], .parley-comment [onclick]').length")).isEqualTo(0);
    }
    assertThat(errors).isEmpty();
  }
}
