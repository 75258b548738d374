package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.testing.Reply;
import parley.testing.WidgetBrowser;

/** The real widget finds its thread by data-page, else the canonical link, else its URL (README: Thread identity). */
class ThreadIdentityBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();

  private static void comment(String page, String body) {
    Reply r = browser.server().postJson("/api/v1/comments",
        "{\"site\":\"demo\",\"page\":\"" + page + "\",\"author\":\"Ada\",\"body\":\"" + body + "\"}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
  }

  /** Opens {@code url} (served on Parley's origin, which the demo site allows) with {@code head} and the widget. */
  private static List<String> shownComments(String url, String head, String scriptAttributes, String screenshot)
      throws Exception {
    String html = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Story</title>" + head + "</head><body><main>"
        + "<div id=parley></div><script src='/embed.js' data-site='demo' " + scriptAttributes + "></script>"
        + "</main></body></html>";
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.context()) {
      context.route(url.replaceAll("#.*", ""), route -> route.fulfill(new Route.FulfillOptions()
          .setContentType("text/html").setBody(html)));
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(url);
      page.waitForSelector(".parley-list > .parley-comment");
      if (screenshot != null) {
        Files.createDirectories(SCREENSHOTS);
        page.locator("#parley").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshot)));
      }
      PlaywrightAssertions.assertThat(page.locator(".parley-comment-body").first()).isVisible();
      List<String> bodies = page.locator(".parley-list .parley-text").allInnerTexts().stream().map(String::strip).toList();
      assertThat(errors).isEmpty();
      return bodies;
    }
  }

  @Test
  void aCanonicalLinkWinsOverTheAddressWithTrackingParameters() throws Exception {
    comment("https://news.example/2026/story-one/", "Posted under the canonical URL.");
    List<String> shown = shownComments(browser.base() + "/story.html?utm_source=newsletter&fbclid=abc#comments",
        "<link rel=canonical href='http://www.news.example/2026/story-one'>", "", "thread-identity-canonical.png");
    assertThat(shown).containsExactly("Posted under the canonical URL.");
  }

  @Test
  void withoutACanonicalLinkTheAddressIsNormalizedOnTheServer() throws Exception {
    comment(browser.base() + "/plain/", "Posted under the plain address.");
    assertThat(shownComments(browser.base() + "/plain/index.html?utm_medium=email#top", "", "", null))
        .containsExactly("Posted under the plain address.");
  }

  @Test
  void dataPageWinsOverTheCanonicalLink() throws Exception {
    comment("opaque-7", "Posted under the publisher's id.");
    comment("https://news.example/elsewhere", "Posted under the canonical URL only.");
    assertThat(shownComments(browser.base() + "/opaque.html",
        "<link rel=canonical href='https://news.example/elsewhere'>", "data-page='opaque-7'", null))
        .containsExactly("Posted under the publisher's id.");
  }
}
