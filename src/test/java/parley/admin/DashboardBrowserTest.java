package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * The whole moderation loop in headless Chromium: a reader's threatening comment waits for review (visible to the
 * reader only), a moderator signs in, sees it pending with its scores and highlighted words, approves it with the
 * "a" key, and it is published. The reader side goes through the widget's API (the widget is another branch).
 * Screenshots land in target/screenshots/.
 */
class DashboardBrowserTest {
  static final Path SHOTS = Paths.get("target", "screenshots");
  static ModerationServer server;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(SHOTS);
    server = ModerationServer.start();
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.ADMIN);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (server != null) server.close();
  }

  @Test
  void threateningCommentIsHeldThenApprovedFromTheDashboard() {
    server.comment(As.reader("calm-reader"), "tram", "Great news for the east side, finally.");
    var posted = server.comment(As.reader("angry-reader"), "tram",
        "If the council closes Market Street I will kill whoever signed this off.");
    assertThat(posted.json().path("comment").path("state").asText()).isEqualTo("pending");
    assertThat(server.thread(As.reader("angry-reader"), "tram").json().path("comments")).hasSize(2);
    assertThat(server.thread(As.reader("someone-else"), "tram").json().path("comments")).hasSize(1);

    try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.navigate(server.base() + "/admin");
      assertThat(page.url()).endsWith("/admin/login");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("login.png")));
      page.fill("input[name=email]", "mod@example.org");
      page.fill("input[name=password]", Staff.PASSWORD);
      page.click("button[type=submit]");
      page.waitForURL("**/admin/news/queue/pending");

      var card = page.locator(".card").first();
      assertThat(card.locator(".body").innerText()).contains("I will kill whoever");
      assertThat(card.locator("mark.hl-threat").innerText()).isEqualTo("kill");
      assertThat(card.locator(".score").first().innerText()).contains("threat").contains("90%");
      assertThat(card.locator(".why").innerText()).contains("threat 0.90");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("pending-1280.png")).setFullPage(true));

      page.keyboard().press("a");
      page.locator("#toast.show").waitFor();
      assertThat(page.locator("#toast").innerText()).startsWith("Approved");
      assertThat(card.locator("[data-state]").textContent()).isEqualTo("published");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("approved-1280.png")));

      page.navigate(server.base() + "/admin/news/audit");
      assertThat(page.locator("table.audit tbody tr").first().textContent()).contains("approve").contains("mod@example.org");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("audit-1280.png")));
      page.navigate(server.base() + "/admin/news/settings");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("settings-1280.png")).setFullPage(true));
    }
    assertThat(server.thread(As.reader("someone-else"), "tram").json().path("comments")).hasSize(2);
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
      var card = page.locator(".card").filter(new com.microsoft.playwright.Locator.FilterOptions()
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
