package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.Chromium;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * The whole moderation loop in headless Chromium: a reader posts a threatening comment through the widget on the
 * demo article, it shows "Awaiting moderation" to that reader only, a moderator signs in, sees it pending with its
 * scores and highlighted words, approves it with the "a" key, and another reader then sees it in the widget.
 * Screenshots land in target/screenshots/.
 */
class DashboardBrowserTest {
  static final Path SHOTS = Paths.get("target", "screenshots");
  static ModerationServer server;
  static Chromium chromium;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(SHOTS);
    server = ModerationServer.start(c -> c.withDemo(true), new parley.testing.KeywordClassifier());
    Staff.create(server.app(), "mod@example.org", "demo", Role.ADMIN);
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.ADMIN);
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  static final String THREAT = "If they close Market Street for two years I will kill whoever signed this off.";

  @Test
  void threateningCommentIsHeldThenApprovedFromTheDashboard() {
    var phone = new Browser.NewContextOptions().setViewportSize(1280, 900);
    try (var author = browser.newContext(phone); var other = browser.newContext(phone);
        var moderator = browser.newContext(phone)) {
      Page reader = author.newPage();
      reader.navigate(server.base() + "/");
      reader.fill("form.parley-form-main input[name=author]", "Angry Reader");
      reader.fill("form.parley-form-main textarea", THREAT);
      reader.click("form.parley-form-main button[type=submit]");
      var mine = reader.locator("article.parley-is-pending").filter(new Locator.FilterOptions().setHasText("kill whoever"));
      mine.locator(".parley-badge-pending").waitFor();
      assertThat(mine.locator(".parley-badge-pending").textContent()).isEqualTo("Awaiting moderation");
      mine.scrollIntoViewIfNeeded();
      reader.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-awaiting-moderation.png")));

      Page bystander = other.newPage();
      bystander.navigate(server.base() + "/");
      bystander.getByText("Marta K.").first().waitFor();
      assertThat(bystander.getByText("kill whoever").count()).isZero();

      Page page = moderator.newPage();
      page.navigate(server.base() + "/admin");
      assertThat(page.url()).endsWith("/admin/login");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("login.png")));
      page.fill("input[name=email]", "mod@example.org");
      page.fill("input[name=password]", Staff.PASSWORD);
      page.click("button[type=submit]");
      page.waitForURL("**/admin/demo/queue/pending");

      var card = page.locator(".card").first();
      assertThat(card.locator(".body").innerText()).isEqualTo(THREAT);
      assertThat(card.locator("mark.hl-threat").innerText()).isEqualTo("kill");
      assertThat(card.locator(".score").first().innerText()).contains("threat").contains("85%");
      assertThat(card.locator(".why").innerText()).contains("threat 0.85");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("pending-1280.png")).setFullPage(true));

      page.keyboard().press("a");
      page.locator("#toast.show").waitFor();
      assertThat(page.locator("#toast").innerText()).startsWith("Approved");
      assertThat(card.locator("[data-state]").textContent()).isEqualTo("published");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("approved-1280.png")));

      bystander.reload();
      bystander.getByText("kill whoever").waitFor();
      assertThat(bystander.locator(".parley-badge-pending").count()).isZero();
      bystander.getByText("kill whoever").scrollIntoViewIfNeeded();
      bystander.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-after-approval.png")));

      // the bystander reports it from the widget; one report is not enough for the Reported queue (K = 3)
      var published = bystander.locator("article").filter(new Locator.FilterOptions().setHasText("kill whoever")).first();
      published.locator("button.parley-report").click();
      published.locator("select.parley-report-reason").selectOption("abuse");
      published.getByText("Send report").click();
      published.getByText("Reported. Thank you").waitFor();
      bystander.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-reported.png")));

      // feature it from the Recent queue: the widget marks it as an editor's pick
      page.navigate(server.base() + "/admin/demo/queue/recent");
      page.locator(".card").filter(new Locator.FilterOptions().setHasText("kill whoever")).first()
          .locator("button[data-action=feature]").click();
      page.locator("#toast.show").waitFor();
      bystander.reload();
      bystander.locator(".parley-badge-pick").waitFor();
      assertThat(bystander.locator(".parley-badge-pick").textContent()).isEqualTo("Editor's pick");

      // suspend the author for 7 days from the card, covering the account and browser but not the shared address
      var angry = page.locator(".card").filter(new Locator.FilterOptions().setHasText("kill whoever")).first();
      angry.locator("input[name=covers][value=address]").uncheck();
      angry.locator("select[name=ban-length]").selectOption("7d");
      angry.locator("input[name=ban-reason]").fill("<b>threats</b> are not debate");
      angry.screenshot(new Locator.ScreenshotOptions().setPath(Paths.get("docs", "card-suspend.png")));
      page.onceDialog(d -> {
        assertThat(d.message()).contains("until 7d").contains("account, client").doesNotContain("address");
        d.accept();
      });
      angry.locator("button[data-action=ban]").click();
      page.locator("#toast.show").filter(new Locator.FilterOptions().setHasText("Author banned")).waitFor();
      assertThat(page.locator("#toast").innerText()).contains("until 7d (account, client)");

      // the author's next comment is refused: the widget says why and until when, in its alert box, as plain text
      reader.fill("form.parley-form-main textarea", "Fine, I take it back.");
      reader.click("form.parley-form-main button[type=submit]");
      var alert = reader.locator("[role=alert]").filter(new Locator.FilterOptions()
          .setHasText("suspended"));
      alert.waitFor();
      assertThat(alert.innerText()).contains("You are suspended from commenting until ").contains(" UTC.")
          .contains("Reason: <b>threats</b> are not debate");
      assertThat(alert.locator("b").count()).isZero();
      alert.scrollIntoViewIfNeeded();
      reader.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs", "widget-suspended.png")));

      page.navigate(server.base() + "/admin/demo/audit");
      assertThat(page.locator("table.audit tbody").textContent()).contains("feature").contains("approve").contains("mod@example.org")
          .contains("suspended Angry Reader (").contains("until").doesNotContain("address)");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("audit-1280.png")));
      page.navigate(server.base() + "/admin/demo/settings");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("settings-1280.png")).setFullPage(true));
    }
  }

  @Test
  void dashboardWorksOnAPhone() {
    server.comment(As.reader("phone-reader"), "phone", "You absolute idiot, read the article before posting.");
    try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
        .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
      Page page = context.newPage();
      page.navigate(server.base() + "/admin/login");
      page.fill("input[name=email]", "mod@example.org");
      page.fill("input[name=password]", Staff.PASSWORD);
      page.click("button[type=submit]");
      page.waitForURL("**/queue/pending");
      page.navigate(server.base() + "/admin/news/queue/pending");
      var card = page.locator(".card").filter(new Locator.FilterOptions()
          .setHasText("absolute idiot")).first();
      int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
      assertThat(width).as("no sideways scrolling").isLessThanOrEqualTo(390);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("pending-phone.png")).setFullPage(true));
      card.locator("button[data-action=reject]").tap();
      page.locator("#toast.show").waitFor();
      assertThat(card.locator("[data-state]").textContent()).isEqualTo("rejected");
    }
  }
}
