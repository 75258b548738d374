package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.comment.Sort;
import parley.testing.WidgetBrowser;
import parley.thread.CommentThread;
import parley.thread.ThreadSettings;
import parley.thread.ThreadStore;
import parley.thread.Toggle;

/** The article notice and closing time in the real widget (issue 16): text never markup, closed when the time comes. */
class ArticleNoticeBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String HOSTILE = "Comments are moderated more strictly on this story. "
      + "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();

  private static void settings(ThreadSettings s) {
    CommentThread t = browser.server().app().comments().thread("demo", "demo-article", Sort.OLDEST, null, 1, null).thread();
    browser.server().app().database().write(h -> new ThreadStore(browser.server().app().database()).setSettings(h, "demo", t.id(), s));
  }

  @Test
  void showsTheNoticeAsTextAboveTheThreadAndHidesTheFormOnceClosed() throws Exception {
    settings(new ThreadSettings(Toggle.INHERIT, HOSTILE, null, false, Toggle.INHERIT));
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.context(
        new Browser.NewContextOptions().setViewportSize(1280, 900).setDeviceScaleFactor(1))) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(browser.base() + "/");
      page.waitForSelector(".parley-list > .parley-comment");
      var notice = page.locator(".parley-notice");
      PlaywrightAssertions.assertThat(notice).hasText(HOSTILE);
      PlaywrightAssertions.assertThat(notice).hasAttribute("role", "note");
      assertThat(page.locator(".parley-notice img, .parley-notice script").count()).isZero();
      assertThat(page.title()).isNotEqualTo("pwned");
      PlaywrightAssertions.assertThat(page.locator(".parley-form-main")).isVisible();
      Files.createDirectories(SCREENSHOTS);
      page.locator("#comments").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("article-notice.png")));

      settings(new ThreadSettings(Toggle.INHERIT, "Comments on this story have closed.", Instant.now().minusSeconds(5), false,
          Toggle.INHERIT));
      page.reload();
      page.waitForSelector(".parley-list > .parley-comment");
      PlaywrightAssertions.assertThat(page.locator(".parley-closed")).isVisible();
      PlaywrightAssertions.assertThat(page.locator(".parley-form-main")).isHidden();
      PlaywrightAssertions.assertThat(page.locator(".parley-notice")).hasText("Comments on this story have closed.");
      page.locator("#comments").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("article-closed.png")));
    } finally {
      settings(ThreadSettings.NONE);
    }
    assertThat(errors).isEmpty();
  }
}
