package parley.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.Axe;
import parley.testing.Chromium;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * The dashboard in German (from the browser's language) and Arabic (from the language menu): translated text, a
 * localized plural, lang and dir on the page, and no axe-core violation in either. Writes docs/dashboard-de.png.
 */
class DashboardLanguagesBrowserTest {
  static final String ADMIN = "i18n-admin@example.org";
  static ModerationServer server;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    server = ModerationServer.start(c -> c, new KeywordClassifier());
    Staff.create(server.app(), ADMIN, ModerationServer.SITE, Role.ADMIN);
    server.comment(As.reader("i18n-1"), "i18n", "I will kill you if you show up at the council meeting.");
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  private static Page signIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(server.base() + "/admin/login");
    page.fill("input[name=email]", ADMIN);
    page.fill("input[name=password]", Staff.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/queue/pending");
    return page;
  }

  @Test
  void germanFollowsTheBrowsersLanguage() {
    try (BrowserContext de = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("de-AT")
        .setViewportSize(1280, 800))) {
      Page login = de.newPage();
      login.navigate(server.base() + "/admin/login");
      assertThat(login.locator("html")).hasAttribute("lang", "de");
      assertThat(login.locator("button.primary")).hasText("Anmelden");
      assertThat(Axe.violations(login)).isEmpty();
      Page queue = signIn(de);
      assertThat(queue.locator(".toolbar h1")).containsText("Wartend");
      assertThat(queue.locator(".toolbar h1 small")).hasText("1 angezeigt");
      assertThat(queue.locator(".badge").first()).hasAttribute("title", "1 Kommentar wartet");
      assertThat(queue.locator("html")).hasAttribute("dir", "ltr");
      assertThat(Axe.violations(queue)).isEmpty();
      queue.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs", "dashboard-de.png")));
      // the cards and the script's messages speak the page's language too
      assertThat(queue.locator(".card [data-action=approve]").first()).containsText("Freigeben");
      assertThat(queue.locator(".card [data-state]").first()).hasText("wartend");
      assertThat(queue.locator(".card .history").first()).containsText("freigegeben");
      queue.click("[data-bulk=approve]");
      assertThat(queue.locator("#toast")).hasText("Wählen Sie zuerst Kommentare aus (x oder die Kästchen).");
      queue.navigate(server.base() + "/admin/news/users");
      assertThat(queue.locator("html")).hasAttribute("lang", "de");
      assertThat(queue.locator("table.users th").first()).hasText("Autor");
      assertThat(Axe.violations(queue)).isEmpty();
      queue.locator("table.users a").first().click();
      assertThat(queue.locator("#trust-h")).containsText("Vertrauen:");
      assertThat(queue.locator("#ban-h")).hasText("Sperre oder Aussetzung");
      assertThat(Axe.violations(queue)).isEmpty();
    }
  }

  @Test
  void arabicFromTheMenuIsRightToLeft() {
    try (BrowserContext ar = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
      Page queue = signIn(ar);
      assertThat(queue.locator("html")).hasAttribute("lang", "en");
      queue.selectOption(".langpick select", "ar");
      queue.click(".langpick button");
      queue.waitForURL("**/queue/pending");
      assertThat(queue.locator("html")).hasAttribute("dir", "rtl");
      assertThat(queue.locator("html")).hasAttribute("lang", "ar");
      assertThat(queue.locator(".toolbar h1")).containsText("قيد الانتظار");
      assertThat(queue.locator(".toolbar h1 small")).hasText("يُعرض 1 تعليق");
      assertThat(queue.locator(".badge").first()).hasAttribute("title", "تعليق واحد في الانتظار");
      assertThat(queue.locator(".card [data-action=reject]").first()).containsText("رفض");
      assertThat(queue.locator(".card .article-settings").first()).hasText("إعدادات المقال");
      assertThat(Axe.violations(queue)).isEmpty();
      queue.navigate(server.base() + "/admin/news/audit");
      assertThat(queue.locator("table.audit th").first()).hasText("متى");
      assertThat(queue.locator("html")).hasAttribute("dir", "rtl");
      assertThat(Axe.violations(queue)).isEmpty();
      queue.navigate(server.base() + "/admin/news/article-defaults");
      assertThat(queue.locator("html")).hasAttribute("dir", "rtl");
      assertThat(queue.locator(".toolbar h1")).containsText("الإعدادات الافتراضية للمقالات");
      assertThat(Axe.violations(queue)).isEmpty();
      queue.navigate(server.base() + "/admin/news/settings");
      assertThat(queue.locator("html")).hasAttribute("dir", "rtl");
      assertThat(queue.locator("#trust-heading")).hasText("الثقة");
      assertThat(Axe.violations(queue)).isEmpty();
      queue.navigate(server.base() + "/admin/news/import");
      assertThat(queue.locator("html")).hasAttribute("lang", "ar");
      assertThat(queue.locator(".toolbar h1")).containsText("استيراد التعليقات");
      assertThat(Axe.violations(queue)).isEmpty();
    }
  }
}
