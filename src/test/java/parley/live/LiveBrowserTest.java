package parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.Chromium;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * Live updates in headless Chromium: the reader's "N new comments" bar on the demo article, and two moderators
 * in two browser contexts on one live queue (a new item appears, a claim locks it for the other, counts follow).
 * Screenshots land in target/screenshots/.
 */
class LiveBrowserTest {
  static final Path SHOTS = Path.of("target", "screenshots");
  static ModerationServer server;
  static Chromium chromium;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(SHOTS);
    server = ModerationServer.start(c -> c.withDemo(true), new KeywordClassifier());
    Staff.create(server.app(), "first@example.org", "demo", Role.MODERATOR);
    Staff.create(server.app(), "second@example.org", "demo", Role.MODERATOR);
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  static long post(String author, String body) {
    return server.send(As.reader("live-" + author), "POST", "/api/v1/comments", "{\"site\":\"demo\",\"page\":\"demo-article\","
        + "\"author\":" + ModerationServer.quote(author) + ",\"body\":" + ModerationServer.quote(body) + "}")
        .json().path("comment").path("id").asLong();
  }

  @Test
  void newCommentsWaitBehindAnAccessibleBarUntilTheReaderAsks() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 800))) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(server.base() + "/");
      page.waitForSelector(".parley-list > .parley-comment");
      Locator bar = page.locator(".parley-new button");
      Locator reading = page.locator(".parley-list > .parley-comment").nth(1);
      reading.scrollIntoViewIfNeeded();
      double before = ((Number) reading.evaluate("e => e.getBoundingClientRect().top")).doubleValue();
      PlaywrightAssertions.assertThat(bar).isHidden();
      awaitStreams(1);

      post("Held Reader", "If they close Market Street I will kill whoever signed this off.");
      long first = post("Nadia", "The feeder buses in Leeds got better after the tram. Good news.");
      long second = post("Omar", "Does anyone know when the consultation closes?");
      // held first, then two published: the bar counts exactly the two, never the held one
      PlaywrightAssertions.assertThat(bar).hasText("Show 2 new comments");
      PlaywrightAssertions.assertThat(page.locator(".parley-sr[aria-live=polite]")).hasText("2 new comments");
      // nothing moved: the comment being read stays put, and the new ones are not in the list until asked for
      assertThat(((Number) reading.evaluate("e => e.getBoundingClientRect().top")).doubleValue()).isEqualTo(before);
      assertThat(page.locator("#parley-comment-" + first).count()).isZero();
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("widget-new-comments-bar.png")));

      bar.focus();
      page.keyboard().press("Enter");
      PlaywrightAssertions.assertThat(page.locator("#parley-comment-" + first)).isVisible();
      PlaywrightAssertions.assertThat(page.locator("#parley-comment-" + second)).hasCount(1);
      PlaywrightAssertions.assertThat(bar).isHidden();
      assertThat(page.evaluate("() => document.activeElement.closest('.parley-comment')?.id")).isEqualTo("parley-comment-" + first);
      assertThat(page.getByText("kill whoever").count()).isZero();
    }
    assertThat(errors).isEmpty();
  }

  /** Waits (on the server's own count, up to 10 s) until the pages' event streams are open. */
  static void awaitStreams(int n) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.app().live().openStreams() < n) {
      if (System.nanoTime() > deadline) throw new AssertionError("only " + server.app().live().openStreams() + " streams");
      Thread.onSpinWait();
    }
  }

  static Page signIn(BrowserContext context, String email) {
    Page page = context.newPage();
    page.navigate(server.base() + "/admin/login");
    page.fill("input[name=email]", email);
    page.fill("input[name=password]", Staff.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/admin/demo/queue/pending");
    return page;
  }

  @Test
  void twoModeratorsShareALiveQueueAndNeverActOnTheSameItem() {
    var size = new Browser.NewContextOptions().setViewportSize(1280, 900);
    try (BrowserContext a = browser.newContext(size); BrowserContext b = browser.newContext(size)) {
      Page first = signIn(a, "first@example.org");
      Page second = signIn(b, "second@example.org");
      awaitStreams(2);
      long held = post("Angry Reader", "Close Market Street and I will kill the councillors responsible.");
      Locator cardA = first.locator(".card[data-id=\"" + held + "\"]");
      Locator cardB = second.locator(".card[data-id=\"" + held + "\"]");
      // the held comment appears on both dashboards without a reload, and the Pending tab counts it
      PlaywrightAssertions.assertThat(cardA).isVisible();
      PlaywrightAssertions.assertThat(cardB).isVisible();
      PlaywrightAssertions.assertThat(second.locator(".tabs a[href$='/queue/pending'] .badge")).hasText("1");

      cardA.locator(".body").click(); // opening the card claims it
      PlaywrightAssertions.assertThat(cardB.locator(".held-by")).hasText("Being handled by first@example.org");
      PlaywrightAssertions.assertThat(cardB.locator("button[data-action=approve]")).isDisabled();
      second.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("queue-claimed-by-other.png")));
      // the server refuses too, whatever the page shows
      Object refused = second.evaluate("id => fetch('/api/v1/sites/demo/comments/' + id + '/reject', {method: 'POST', "
          + "headers: {'X-CSRF-Token': document.querySelector('meta[name=csrf]').content}}).then(r => r.json())"
          + ".then(j => j.error.code)", String.valueOf(held));
      assertThat(refused).isEqualTo("CLAIMED_BY_OTHER");

      first.keyboard().press("a");
      PlaywrightAssertions.assertThat(cardA.locator("[data-state]")).hasText("published");
      PlaywrightAssertions.assertThat(cardB).hasClass(java.util.regex.Pattern.compile("\\bdone\\b"));
      PlaywrightAssertions.assertThat(cardB.locator(".held-by")).hasCount(0);
      PlaywrightAssertions.assertThat(second.locator(".tabs a[href$='/queue/pending'] .badge")).hasCount(0);
      PlaywrightAssertions.assertThat(first.locator(".tabs a[href$='/queue/pending'] .badge")).hasCount(0);
    }
  }

  /**
   * A claim of the moderator's own that the page did not take (another tab; or the card opened on the page before, whose
   * release reached the server after this page's stream opened) is no lock for them: the server lets its holder act,
   * so the card stays actionable, while another moderator's claim still locks.
   */
  @Test
  void aModeratorsOwnClaimNeverLocksACardForThem() {
    long ours = post("Claim Reader", "Park there again and I will kill you, neighbour.");
    long theirs = post("Claim Reader", "I will kill the referee if he shows his face here.");
    long top = post("Claim Reader", "Cancel the derby and I will kill the chairman.");
    As firstElsewhere = server.login("first@example.org", Staff.PASSWORD);
    As second = server.login("second@example.org", Staff.PASSWORD);
    String comments = "/api/v1/sites/demo/comments/";
    assertThat(server.send(firstElsewhere, "POST", comments + ours + "/claim", null).status()).isEqualTo(200);
    try (BrowserContext a = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page first = signIn(a, "first@example.org");
      Locator ourCard = first.locator(".card[data-id=\"" + ours + "\"]");
      Locator theirCard = first.locator(".card[data-id=\"" + theirs + "\"]");
      PlaywrightAssertions.assertThat(first.locator(".card.current")).hasAttribute("data-id", String.valueOf(top));
      assertThat(server.send(second, "POST", comments + theirs + "/claim", null).status()).isEqualTo(200);
      // the stream's hello (every claim, ours included) comes before this claim's event, or holds both
      PlaywrightAssertions.assertThat(theirCard.locator(".held-by")).hasText("Being handled by second@example.org");
      PlaywrightAssertions.assertThat(theirCard.locator("button[data-action=approve]")).isDisabled();
      assertThat(ourCard.locator(".held-by").count()).isZero();
      PlaywrightAssertions.assertThat(ourCard.locator("button[data-action=reject]")).isEnabled();
      ourCard.locator("button[data-action=reject]").click();
      PlaywrightAssertions.assertThat(ourCard.locator("[data-state]")).hasText("rejected");
    } finally { // the queue as it was: the other tests count its items
      server.send(second, "POST", comments + theirs + "/reject", null);
      server.send(firstElsewhere, "POST", comments + top + "/reject", null);
      server.send(firstElsewhere, "POST", comments + ours + "/reject", null);
    }
  }
}
