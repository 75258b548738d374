package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.Chromium;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.Staff;

/**
 * The dashboard's import page in headless Chromium against a real server with a 20,000-byte upload limit: an admin
 * uploads a Disqus export and sees the report, uploads it again (updated, not copied), and sees the errors of a
 * malformed file, of a file over the limit and of a stale CSRF token; a moderator gets no import page.
 */
class ImportPageBrowserTest {
  static ModerationServer server;
  static Chromium chromium;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(DashboardBrowserTest.SHOTS);
    server = ModerationServer.start(c -> c.withMaxUploadBytes(20_000), new KeywordClassifier());
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ImportPageBrowserTest.class.getResource("/importing/" + name).toURI());
  }

  private static Page signIn(com.microsoft.playwright.BrowserContext context, String email) {
    Page page = context.newPage();
    page.navigate(server.base() + "/admin/login");
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", Staff.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/queue/pending");
    return page;
  }

  private static void upload(Page page, String format, Path file) {
    page.selectOption("select[name=format]", format);
    page.setInputFiles("input[name=file]", file);
    page.click("#import-form button[type=submit]");
    page.waitForFunction("() => !document.querySelector('#import-form button[type=submit]').disabled"
        + " && !document.getElementById('import-status').textContent.startsWith('Importing')");
  }

  private static String count(Page page, String key) {
    return page.locator("#import-report tr[data-count=" + key + "] td").innerText();
  }

  private static long imported() {
    return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE source = :s")
        .bind("s", "disqus:" + ModerationServer.SITE).mapTo(Long.class).one());
  }

  @Test
  void anAdminUploadsAnExportAndSeesTheReportOrTheError() throws Exception {
    try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = signIn(context, "admin@example.org");
      page.click("nav.tabs a:text('Import')");
      page.waitForURL("**/admin/news/import");
      assertThat(page.locator("form.import").innerText()).contains("Files up to 19.5 KiB");

      upload(page, "disqus", fixture("disqus-edge-cases.xml"));
      assertThat(page.locator("#import-status").innerText()).isEqualTo("Imported disqus-edge-cases.xml.");
      assertThat(count(page, "inserted")).isEqualTo("10");
      assertThat(count(page, "threads")).isEqualTo("3");
      assertThat(count(page, "orphans")).isEqualTo("1");
      assertThat(page.locator("#import-warnings li").allInnerTexts())
          .anySatisfy(w -> assertThat(w).contains("comment 1009 replies to comment 999999"));
      assertThat(imported()).isEqualTo(10);
      page.screenshot(new Page.ScreenshotOptions().setPath(DashboardBrowserTest.SHOTS.resolve("import-1280.png"))
          .setFullPage(true));

      upload(page, "disqus", fixture("disqus-edge-cases.xml"));
      assertThat(count(page, "inserted")).isEqualTo("0");
      assertThat(count(page, "updated")).isEqualTo("10");
      assertThat(imported()).isEqualTo(10);

      upload(page, "disqus", fixture("disqus-malformed.xml"));
      assertThat(page.locator("#import-status.error").innerText())
          .contains("line 17, column", "<post dsq:id=\"12\">", "authr");
      assertThat(page.locator("#import-report").isVisible()).isFalse();

      Path big = Files.createTempFile("parley-big", ".xml");
      try {
        Files.write(big, new byte[20_001]);
        upload(page, "disqus", big);
        assertThat(page.locator("#import-status.error").innerText()).contains("limited to 20,000 bytes", "parley import");
      } finally {
        Files.delete(big);
      }

      page.evaluate("document.querySelector('meta[name=csrf]').content = 'stale'");
      upload(page, "disqus", fixture("disqus-edge-cases.xml"));
      assertThat(page.locator("#import-status.error").innerText()).contains("Not imported", "reload the page");
      assertThat(imported()).isEqualTo(10);
    }
  }

  @Test
  void aModeratorHasNoImportPage() {
    try (var context = browser.newContext()) {
      Page page = signIn(context, "mod@example.org");
      assertThat(page.locator("nav.tabs a:text('Import')").count()).isZero();
      page.navigate(server.base() + "/admin/news/import");
      assertThat(page.locator("main").innerText()).contains("Not allowed", "admin role");
    }
  }
}
