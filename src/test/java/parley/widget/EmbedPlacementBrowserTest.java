package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.testing.WidgetBrowser;

/**
 * How the embed tag is placed on a publisher's page: a tag without {@code data-site} says so in the console and
 * in the widget; each container gets its own widget, and a repeated include does not mount a second one.
 */
class EmbedPlacementBrowserTest {
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();

  private BrowserContext context;
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();
  private final List<String> console = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (context != null) context.close();
    assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
  }

  /** Serves {@code body} as an article on Parley's own origin (so the demo site allows it) and opens it. */
  private Page article(String body) {
    String html = "<!doctype html><html lang=en><head><title>Placement</title></head><body><main>" + body
        + "</main></body></html>";
    context = browser.context();
    context.route(browser.base() + "/article.html", route -> route.fulfill(new Route.FulfillOptions()
        .setContentType("text/html").setBody(html)));
    Page page = context.newPage();
    page.onPageError(pageErrors::add);
    page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
    page.navigate(browser.base() + "/article.html");
    return page;
  }

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  private static String pageKey() {
    return "placement-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aTagWithoutDataSiteWarnsInTheConsoleAndOnThePage() {
    Page page = article("<div id=parley></div><script src='/embed.js' data-page='" + pageKey() + "'></script>");
    Locator note = page.locator(".parley-setup-note");
    expect(note).isVisible();
    expect(note).containsText("data-site");
    expect(note).containsText("\"default\"");
    assertThat(console).anySatisfy(line -> assertThat(line)
        .startsWith("warning: ").contains("no data-site attribute").contains("\"default\""));
  }

  @Test
  void twoContainersGetTwoIndependentWidgetsAndARepeatedTagMountsNothing() {
    String first = pageKey();
    String second = pageKey();
    Page page = article("<div id=first></div><div id=second></div>"
        + "<script src='/embed.js' data-site=demo data-target=first data-page='" + first + "'></script>"
        + "<script src='/embed.js' data-site=demo data-target=second data-page='" + second + "'></script>"
        + "<script src='/embed.js' data-site=demo data-target=first data-page='" + first + "'></script>");
    Locator one = page.locator("#first");
    Locator two = page.locator("#second");
    expect(one.locator(".parley-heading")).hasText("No comments yet");
    expect(two.locator(".parley-heading")).hasText("No comments yet");
    expect(one.locator(".parley-root")).hasCount(1);
    expect(two.locator(".parley-root")).hasCount(1);
    expect(page.locator(".parley-setup-note")).hasCount(0);

    // labels point at their own widget's fields: no id is minted twice on the page
    Object duplicates = page.evaluate("() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        + " return ids.filter((id, i) => ids.indexOf(id) !== i); }");
    assertThat((List<?>) duplicates).as("element ids used twice").isEmpty();

    one.getByLabel("Your comment").fill("Only under the first story.");
    one.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();
    expect(one.locator(".parley-comment .parley-text")).hasText("Only under the first story.");
    expect(one.locator(".parley-heading")).hasText("1 comment");
    expect(two.locator(".parley-heading")).hasText("No comments yet");
    expect(two.locator(".parley-comment")).hasCount(0);
    assertThat(browser.server().get("/api/v1/threads?site=demo&page=" + first).json()
        .path("thread").path("commentCount").asInt()).isEqualTo(1);
    assertThat(console).anySatisfy(line -> assertThat(line).contains("#first already shows comments"));
  }
}
