package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.comment.Sort;
import parley.testing.Axe;
import parley.testing.WidgetBrowser;
import parley.thread.ArticleDefaults;
import parley.thread.ArticleDefaultsStore;
import parley.thread.CommentThread;

/** The site's default notice and the editor's picks above the thread in the real widget (issue 16), with axe-core. */
class ArticleFeaturedBrowserTest {
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();

  private static void defaults(ArticleDefaults d) {
    var db = browser.server().app().database();
    db.write(h -> {
      new ArticleDefaultsStore(db).put(h, "demo", d);
      return null;
    });
  }

  /** Features the thread's first published comment (what the queue's Feature button stores); answers its id. */
  private static long featureFirst(boolean featured) {
    CommentThread t = browser.server().app().comments().thread("demo", "demo-article", Sort.OLDEST, null, 1, null).thread();
    return browser.server().app().database().write(h -> {
      long id = h.createQuery("SELECT MIN(id) FROM comments WHERE thread_id = :t AND state = 'published'")
          .bind("t", t.id()).mapTo(Long.class).one();
      h.createUpdate("UPDATE comments SET featured = :f WHERE id = :id").bind("f", featured ? 1 : 0).bind("id", id).execute();
      h.createUpdate("UPDATE threads SET version = version + 1 WHERE id = :t").bind("t", t.id()).execute();
      return id;
    });
  }

  @Test
  void showsTheInheritedNoticeAndAFeaturedSectionThatLeadsToThePick() throws Exception {
    defaults(new ArticleDefaults(false, null, "Comments on this site are reviewed by our editors.", false));
    long pick = featureFirst(true);
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.context(
        new Browser.NewContextOptions().setViewportSize(1280, 900).setDeviceScaleFactor(1))) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(browser.base() + "/");
      page.waitForSelector(".parley-list > .parley-comment");
      PlaywrightAssertions.assertThat(page.locator(".parley-notice"))
          .hasText("Comments on this site are reviewed by our editors.");
      Locator featured = page.getByRole(com.microsoft.playwright.options.AriaRole.REGION,
          new Page.GetByRoleOptions().setName("Featured"));
      PlaywrightAssertions.assertThat(featured).isVisible();
      PlaywrightAssertions.assertThat(featured.locator(".parley-featured-item")).hasCount(1);
      // the section comes before the thread, and its link takes a keyboard user to the pick in the thread
      assertThat((Boolean) page.evaluate("() => !!(document.querySelector('.parley-featured').compareDocumentPosition("
          + "document.querySelector('.parley-list')) & Node.DOCUMENT_POSITION_FOLLOWING)")).isTrue();
      // press() focuses the link and presses Enter; the URL is awaited, as the hash navigation reaches Playwright after
      // the key press returns (reading page.url() at once failed in CI)
      featured.locator("a.parley-time").press("Enter");
      PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile("#parley-comment-" + pick + "$"));
      assertThat(Axe.violations(page, "#comments")).isEmpty();
      page.locator("#comments").screenshot(new Locator.ScreenshotOptions().setPath(Path.of("docs", "article-settings.png")));

      featureFirst(false); // unfeatured (or rejected: rejecting clears the flag): the section goes away
      // the section starts hidden, so that alone would pass before the widget asked: the answer it got has no pick
      com.microsoft.playwright.Response picks = page.waitForResponse(r -> r.url().contains("/api/v1/featured"), page::reload);
      assertThat(picks.text()).contains("\"comments\":[]");
      page.waitForSelector(".parley-list > .parley-comment");
      PlaywrightAssertions.assertThat(page.locator(".parley-featured")).isHidden();
    } finally {
      defaults(ArticleDefaults.NONE);
      featureFirst(false);
    }
    assertThat(errors).isEmpty();
  }
}
