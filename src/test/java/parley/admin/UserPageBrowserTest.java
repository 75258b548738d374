package parley.admin;

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
 * The users list and a user page in Chromium: reached from a card's author name, a note added and a suspension set
 * through the page's forms, and axe-core finds no WCAG 2.2 A/AA violation on either page. Writes docs/user-page.png.
 */
class UserPageBrowserTest {
  static final String MOD = "users-mod@example.org";
  static ModerationServer server;
  static Chromium chromium;

  @BeforeAll
  static void start() {
    server = ModerationServer.start(c -> c, new KeywordClassifier());
    Staff.create(server.app(), MOD, ModerationServer.SITE, Role.MODERATOR);
    As writer = new As("X-Parley-Client", "marta", "X-Forwarded-For", "203.0.113.7");
    String post = "{\"site\":\"news\",\"page\":\"tram\",\"title\":\"The tram returns\",\"author\":\"Marta K.\","
        + "\"email\":\"marta@example.org\",\"body\":%s}";
    server.send(writer, "POST", "/api/v1/comments", post.formatted(ModerationServer.quote(
        "The new timetable is a real improvement for the east side.")));
    server.send(writer, "POST", "/api/v1/comments", post.formatted(ModerationServer.quote(
        "Whoever planned the detour should be fired, and I will kill this project at the next meeting.")));
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  @Test
  void theUserPageIsReachedFromTheCardAndPassesAxe() {
    try (BrowserContext context = chromium.browser().newContext(
        new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.navigate(server.base() + "/admin/login");
      page.fill("input[name=email]", MOD);
      page.fill("input[name=password]", Staff.PASSWORD);
      page.click("button[type=submit]");
      page.waitForURL("**/queue/pending");
      page.click("article.card p.author a");
      page.waitForURL("**/users/**");
      page.fill("input[name=body]", "Warned by email on 3 Dec about threats.");
      page.click("text=Add note");
      page.waitForURL("**done=note");
      page.selectOption("select[name=length]", "7d");
      page.fill("input[name=reason]", "threats against staff");
      page.click("text=Suspend or ban");
      page.waitForURL("**done=ban");
      assertThat(page.textContent("main")).contains("Warned by email on 3 Dec").contains("Suspended until")
          .contains("threats against staff").contains("Trust:");
      assertThat(Axe.violations(page)).isEmpty();
      page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs", "user-page.png")).setFullPage(true));

      page.navigate(server.base() + "/admin/news/users?filter=suspended");
      assertThat(page.textContent("table.users")).contains("Marta K.").contains("suspended");
      assertThat(Axe.violations(page)).isEmpty();
    }
  }
}
