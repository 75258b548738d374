package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import parley.testing.Chromium;
import parley.testing.TestServer;
import parley.kit.Json;

/**
 * The embeddable widget on the demo page, driven in headless Chromium against the real server: posting,
 * replying, persistence, edit/delete, votes, sorting, keyboard use, API errors, deep and folded threads,
 * pagination, a cross-origin embed, the size budget, and screenshots for review
 * (target/screenshots). Screenshots run last so they show the discussion the other tests built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static TestServer server;
  private static Chromium chromium;
  private static Browser browser;
  private static String base;

  private BrowserContext context;
  private Page page;
  private final List<String> pageErrors = new ArrayList<>();
  private final List<String> foreignRequests = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    base = server.base();
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  @AfterEach
  void closePage() {
    if (context != null) context.close();
    assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
    assertThat(foreignRequests).as("requests to other origins").isEmpty();
  }

  /** A fresh browser profile (new localStorage, so a new reader) on the demo article. */
  private Page open(int width, int height) {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    page = context.newPage();
    page.onPageError(error -> pageErrors.add(error));
    page.onRequest(request -> {
      if (!request.url().startsWith(base) && !request.url().startsWith("data:")) foreignRequests.add(request.url());
    });
    page.navigate(base + "/");
    page.waitForSelector(".parley-list > .parley-comment");
    return page;
  }

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  private Locator comment(String text) {
    return page.locator(".parley-comment").filter(new Locator.FilterOptions()
        .setHas(page.locator(":scope > article .parley-text", new Page.LocatorOptions().setHasText(text))));
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @Order(1)
  void postsACommentAndAReplyThatRenderNestedAndSurviveAReload() {
    int count = server.get("/api/v1/threads?site=demo&page=demo-article").json()
        .path("thread").path("commentCount").asInt();
    assertThat(count).as("the demo discussion is seeded").isPositive();
    open(1280, 900);
    Locator heading = page.locator(".parley-heading");
    expect(heading).hasText(count + " comments");

    String text = unique("The Eastgate stop is the whole point of this line.");
    Locator form = page.locator(".parley-form-main");
    form.getByLabel("Your comment").fill(text);
    form.getByLabel("Name").fill("Browser Test");
    form.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Post comment")).click();

    Locator posted = comment(text);
    expect(posted).hasCount(1);
    expect(posted.locator(":scope > article .parley-author")).hasText("Browser Test");
    expect(posted.locator(":scope > article .parley-badge-you")).isVisible();
    expect(posted.locator(":scope > article")).isFocused();
    expect(heading).hasText((count + 1) + " comments");
    expect(form.getByLabel("Your comment")).hasValue("");
    // relative time with the absolute one in the title
    Locator time = posted.locator(":scope > article time");
    expect(time).hasText("just now");
    assertThat(time.getAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(time.getAttribute("title")).isNotBlank();

    posted.locator(":scope > article").getByText("Reply", new Locator.GetByTextOptions().setExact(true)).click();
    Locator replyBox = posted.getByLabel("Your reply");
    expect(replyBox).isFocused();
    expect(posted.locator(".parley-form-reply").getByLabel("Name")).hasValue("Browser Test");
    String replyText = unique("Agreed, and *the hospital* stop too.");
    replyBox.fill(replyText);
    posted.locator(".parley-form-reply button[type=submit]").click();

    String replyPlain = replyText.replace("*", "");
    Locator reply = posted.locator(":scope > .parley-replies > .parley-comment");
    expect(reply).hasCount(1);
    expect(reply.locator(".parley-text")).hasText(replyPlain);
    expect(reply.locator(".parley-text em")).hasText("the hospital");
    expect(reply.locator(":scope > article")).isFocused();
    expect(heading).hasText((count + 2) + " comments");
    expect(posted.locator(".parley-form-reply")).hasCount(0);

    page.reload();
    Locator again = comment(text);
    expect(again).hasCount(1);
    Locator replyAgain = again.locator(":scope > .parley-replies > .parley-comment");
    expect(replyAgain.locator(".parley-text")).hasText(replyPlain);
    expect(heading).hasText((count + 2) + " comments");
    // the edit token survived the reload: the reader can still edit their own comment
    expect(again.locator(":scope > article").getByText("Edit", new Locator.GetByTextOptions().setExact(true)))
        .isVisible();
    // the name is remembered
    expect(page.locator(".parley-form-main").getByLabel("Name")).hasValue("Browser Test");
  }

  @Test
  @Order(2)
  void editsAndDeletesOwnCommentWithinTheWindow() {
    open(1280, 900);
    String text = unique("Typo in thsi one.");
    page.locator(".parley-form-main").getByLabel("Your comment").fill(text);
    page.locator(".parley-form-main button[type=submit]").click();
    Locator mine = comment(text);
    expect(mine).hasCount(1);
    String id = mine.getAttribute("id");
    Locator li = page.locator("#" + id);

    li.locator(":scope > article").getByText("Edit", new Locator.GetByTextOptions().setExact(true)).click();
    Locator editor = li.getByLabel("Edit your comment");
    expect(editor).isFocused();
    expect(editor).hasValue(text);
    editor.fill("Fixed: this one.");
    li.getByText("Save changes").click();
    expect(li.locator(":scope > article .parley-text")).hasText("Fixed: this one.");
    expect(li.locator(":scope > article .parley-edited")).isVisible();

    li.locator(":scope > article").getByText("Delete", new Locator.GetByTextOptions().setExact(true)).click();
    li.locator(".parley-confirm").getByText("Delete", new Locator.GetByTextOptions().setExact(true)).click();
    expect(li).hasCount(0);
    page.reload();
    // the thread has rendered again (a count of 0 before it had would prove nothing); the demo thread fits one page
    expect(page.locator(".parley-list > .parley-comment").first()).isVisible();
    expect(page.locator(".parley-text", new Page.LocatorOptions().setHasText("Fixed: this one."))).hasCount(0);
  }

  @Test
  @Order(3)
  void votesOnceAndSwitchesSort() {
    open(1280, 900);
    Locator first = page.locator(".parley-list > .parley-comment").first();
    Locator score = first.locator(":scope > article .parley-score");
    int before = Integer.parseInt(score.textContent().trim());
    Locator up = first.locator(":scope > article .parley-vote[data-vote='1']");
    Locator down = first.locator(":scope > article .parley-vote[data-vote='-1']");
    up.click();
    expect(score).hasText(String.valueOf(before + 1));
    expect(up).hasAttribute("aria-pressed", "true");
    expect(up).isDisabled();
    expect(down).isDisabled();

    page.reload();
    Locator upAgain = page.locator(".parley-list > .parley-comment").first()
        .locator(":scope > article .parley-vote[data-vote='1']");
    expect(upAgain).hasAttribute("aria-pressed", "true");
    expect(upAgain).isDisabled();

    Locator newest = page.locator(".parley-sort-btn[data-sort='newest']");
    newest.click();
    expect(newest).hasAttribute("aria-pressed", "true");
    expect(page.locator(".parley-sort-btn[data-sort='oldest']")).hasAttribute("aria-pressed", "false");
    expect(page.locator(".parley")).not().hasAttribute("aria-busy", "true");
    List<Instant> times = values(page.locator(".parley-list > .parley-comment > article time")
        .evaluateAll("els => els.map(e => e.getAttribute('datetime'))")).stream().map(Instant::parse).toList();
    assertThat(times).hasSizeGreaterThan(2).isSortedAccordingTo(Comparator.reverseOrder());

    page.locator(".parley-sort-btn[data-sort='top']").click();
    expect(page.locator(".parley-sort-btn[data-sort='top']")).hasAttribute("aria-pressed", "true");
    expect(page.locator(".parley")).not().hasAttribute("aria-busy", "true");
    List<Integer> scores = values(page.locator(".parley-list > .parley-comment > article .parley-score")
        .evaluateAll("els => els.map(e => e.textContent.trim())")).stream().map(Integer::valueOf).toList();
    assertThat(scores).hasSizeGreaterThan(2).isSortedAccordingTo(Comparator.reverseOrder());
  }

  private static List<String> values(Object jsArray) {
    return ((List<?>) jsArray).stream().map(String::valueOf).toList();
  }

  @Test
  @Order(4)
  void worksWithTheKeyboardAlone() {
    open(1280, 900);
    Locator textarea = page.locator(".parley-form-main textarea");
    for (int i = 0; i < 60 && !isFocused(textarea); i++) page.keyboard().press("Tab");
    expect(textarea).isFocused();
    String text = unique("Typed without a mouse.");
    page.keyboard().type(text);
    Locator submit = page.locator(".parley-form-main button[type=submit]");
    for (int i = 0; i < 6 && !isFocused(submit); i++) page.keyboard().press("Tab");
    expect(submit).isFocused();
    // a visible focus ring on the focused button
    assertThat(submit.evaluate("b => getComputedStyle(b).outlineStyle")).isNotEqualTo("none");
    page.keyboard().press("Enter");

    Locator posted = comment(text);
    expect(posted).hasCount(1);
    expect(posted.locator(":scope > article")).isFocused();
    // Reply with the keyboard: Tab from the focused comment reaches its buttons
    Locator replyButton = posted.locator(":scope > article .parley-action").first();
    for (int i = 0; i < 6 && !isFocused(replyButton); i++) page.keyboard().press("Tab");
    expect(replyButton).isFocused();
    page.keyboard().press("Space");
    expect(posted.getByLabel("Your reply")).isFocused();
    page.keyboard().type("A keyboard reply.");
    page.keyboard().press("Control+Enter");
    expect(posted.locator(":scope > .parley-replies .parley-text")).hasText("A keyboard reply.");
    expect(page.locator(".parley-sr[role=status]")).hasText("Your reply was posted.");
  }

  private static boolean isFocused(Locator locator) {
    return (Boolean) locator.evaluate("el => el === document.activeElement");
  }

  @Test
  @Order(5)
  void showsTheApiErrorMessageForAnEmptyComment() throws IOException {
    open(1280, 900);
    parley.testing.Reply direct = server.postJson("/api/v1/comments",
        "{\"site\":\"demo\",\"page\":\"demo-article\",\"author\":\"x\",\"body\":\"\"}", "X-Parley-Client", "test");
    assertThat(direct.status()).isEqualTo(400);
    String message = direct.json().path("error").path("message").asText();
    assertThat(message).isNotBlank();

    page.locator(".parley-form-main button[type=submit]").click();
    Locator alert = page.locator(".parley-form-main [role=alert]");
    expect(alert).isVisible();
    expect(alert).containsText(message);
    expect(page.locator(".parley-form-main textarea")).isFocused();

    // a second vote from the same browser is refused by the API (409), and the widget says so
    Locator votes = page.locator(".parley-list > .parley-comment").nth(1).locator(":scope > article .parley-actions");
    votes.locator(".parley-vote[data-vote='1']").click();
    expect(votes.locator(".parley-vote[data-vote='1']")).hasAttribute("aria-pressed", "true");
    page.evaluate("() => document.querySelectorAll('.parley-vote').forEach(b => b.disabled = false)");
    votes.locator(".parley-vote[data-vote='-1']").click();
    expect(votes.locator("[role=alert]")).containsText("already voted");
  }

  @Test
  @Order(6)
  void rendersUserTextAsTextAndKeepsDeepThreadsReadable() throws IOException {
    // a chain seven replies deep, posted through the API by another reader
    Long parent = null;
    for (int depth = 0; depth <= 7; depth++) {
      parent = postViaApi(parent, depth == 0 ? "<img src=x onerror=alert(1)>" : "Reader " + depth,
          "Level " + depth + " of a long back-and-forth about the night service timetable.");
    }
    open(1280, 1000);
    Locator top = comment("Level 0 of a long");
    expect(top).hasCount(1);
    // author names are text, never markup
    expect(top.locator(":scope > article .parley-author")).hasText("<img src=x onerror=alert(1)>");
    assertThat(page.locator(".parley img").count()).isZero();
    // every reply sits inside its parent's replies list
    Locator l5 = comment("Level 5 of a long");
    Locator l6 = comment("Level 6 of a long");
    expect(l6).hasAttribute("data-depth", "6");
    assertThat(l5.locator(":scope > .parley-replies > .parley-comment").getAttribute("id"))
        .isEqualTo(l6.getAttribute("id"));
    // indentation grows for five levels (0-4), then stays put; deep replies say whom they answer
    double x3 = comment("Level 3 of a long").locator(":scope > article").boundingBox().x;
    double x4 = comment("Level 4 of a long").locator(":scope > article").boundingBox().x;
    double x5 = l5.locator(":scope > article").boundingBox().x;
    double x6 = l6.locator(":scope > article").boundingBox().x;
    assertThat(x4).isGreaterThan(x3);
    assertThat(x5).isEqualTo(x4);
    assertThat(x6).isEqualTo(x4);
    expect(l6.locator(":scope > article .parley-reply-to")).hasText("Replying to Reader 5");
    expect(l6.locator(":scope > article .parley-text")).hasAttribute("dir", "auto");

    // a long thread can be folded away and back
    Locator toggle = top.locator(":scope > article .parley-toggle");
    toggle.click();
    expect(toggle).hasAttribute("aria-expanded", "false");
    expect(toggle).hasText("Show 7 replies");
    expect(comment("Level 1 of a long")).isHidden();
    toggle.click();
    expect(toggle).hasAttribute("aria-expanded", "true");
    expect(comment("Level 1 of a long")).isVisible();
  }

  private long postViaApi(Long parentId, String author, String body) throws IOException {
    return postViaApi(parentId, author, body, "demo-article");
  }

  private long postViaApi(Long parentId, String author, String body, String pageKey) throws IOException {
    var data = new java.util.HashMap<String, Object>(Map.of("site", "demo", "page", pageKey,
        "author", author, "body", body));
    if (parentId != null) data.put("parentId", parentId);
    parley.testing.Reply res = server.postJson("/api/v1/comments", Json.MAPPER.writeValueAsString(data),
        "X-Parley-Client", "another-reader");
    assertThat(res.status()).as(res.raw().body()).isEqualTo(201);
    return res.json().path("comment").path("id").asLong();
  }

  @Test
  @Order(7)
  void startsEmptyThenPaginatesTopLevelCommentsWithLoadMore() throws IOException {
    // Another article on the same origin, embedding the widget with its own page key and newest-first.
    String pageKey = unique("paging").replace(' ', '-');
    String html = "<!doctype html><html lang=en><head><title>Paging test</title></head><body><main>"
        + "<div id=parley></div><script src='/embed.js' data-site=demo data-page='" + pageKey
        + "' data-sort=newest></script></main></body></html>";
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    context.route(base + "/paging.html", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
        .setContentType("text/html").setBody(html)));
    page = context.newPage();
    page.onPageError(error -> pageErrors.add(error));
    page.navigate(base + "/paging.html");
    expect(page.locator(".parley-heading")).hasText("No comments yet");
    expect(page.locator(".parley-empty")).isVisible();
    expect(page.locator(".parley-sort-btn[data-sort='newest']")).hasAttribute("aria-pressed", "true");

    for (int i = 1; i <= 23; i++) postViaApi(null, "Reader " + i, "Comment number " + i + ".", pageKey);
    page.reload();
    expect(page.locator(".parley-heading")).hasText("23 comments");
    Locator items = page.locator(".parley-list > .parley-comment");
    expect(items).hasCount(20);
    expect(items.first().locator(".parley-text")).hasText("Comment number 23.");
    Locator more = page.getByText("Load more comments");
    expect(more).isVisible();
    more.click();
    expect(items).hasCount(23);
    expect(items.last().locator(".parley-text")).hasText("Comment number 1.");
    expect(more).isHidden();
    // focus lands on the first newly loaded comment
    expect(items.nth(20).locator(":scope > article")).isFocused();
    expect(page.locator(".parley-sr[role=status]")).hasText("3 more comments loaded");
  }

  @Test
  @Order(8)
  void embedsOnAnotherOriginThatTheSiteAllows() throws IOException {
    // The publisher's pages come from their own little server: a real cross-origin embed.
    String pageKey = unique("cross-origin").replace(' ', '-');
    HttpServer publisherServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    publisherServer.createContext("/", exchange -> {
      String site = exchange.getRequestURI().getPath().replaceAll("\\W", "");
      byte[] html = ("<!doctype html><html lang=en><head><title>Publisher</title></head><body><h1>Story</h1>"
          + "<div id=parley></div><script src='" + base + "/embed.js' data-site=" + site + " data-page='" + pageKey
          + "'></script></body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
    });
    publisherServer.start();
    try {
      String publisher = "http://127.0.0.1:" + publisherServer.getAddress().getPort();
      server.app().sites().upsert("news", "Riverton Ledger", List.of(publisher));
      server.app().sites().upsert("elsewhere", "Another paper", List.of("https://elsewhere.example"));
      context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
      page = context.newPage();
      page.onPageError(error -> pageErrors.add(error));
      page.navigate(publisher + "/news");
      expect(page.locator(".parley-heading")).hasText("No comments yet");
      // styles came from Parley's origin, next to embed.js
      assertThat(page.locator("link[data-parley-css]").getAttribute("href")).isEqualTo(base + "/embed.css");
      expect(page.locator(".parley-form-main .parley-btn")).hasCSS("border-radius", "999px");
      page.locator(".parley-form-main textarea").fill("Posted from the publisher's own domain.");
      page.locator(".parley-form-main button[type=submit]").click();
      expect(comment("Posted from the publisher's own domain.")).hasCount(1);
      expect(page.locator(".parley-heading")).hasText("1 comment");

      // a site that does not list this origin: the API's refusal is shown to the reader
      page.navigate(publisher + "/elsewhere");
      Locator alert = page.locator(".parley-root > .parley-alert");
      expect(alert).isVisible();
      expect(alert).hasAttribute("role", "alert");
      expect(alert).containsText("does not allow");
      expect(alert.getByText("Try again")).isVisible();
    } finally {
      publisherServer.stop(0);
    }
  }

  @Test
  @Order(11)
  void aRetryAfterALostAnswerPostsTheCommentOnce() {
    open(1280, 900);
    List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
    page.route("**/api/v1/comments", route -> {
      keys.add(String.valueOf(route.request().headers().get("idempotency-key")));
      if (keys.size() == 1) {
        route.fetch(); // the server stores the comment, then the answer is lost on the way back
        route.abort();
      } else {
        route.resume();
      }
    });
    String text = unique("Posted once although the first answer was lost.");
    Locator form = page.locator(".parley-form-main");
    form.getByLabel("Your comment").fill(text);
    form.getByLabel("Name").fill("Retry Test");
    Locator submit = form.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName("Post comment"));
    submit.click();
    expect(form.locator("[role=alert]")).containsText("Could not reach");
    submit.click();
    expect(comment(text)).hasCount(1);
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).isNotBlank().isNotEqualTo("null").isEqualTo(keys.get(1));
    int stored = server.app().database().read(h -> h.createQuery(
        "SELECT COUNT(*) FROM comments WHERE body_markdown = :b").bind("b", text).mapTo(Integer.class).one());
    assertThat(stored).isEqualTo(1);
    page.reload();
    expect(comment(text)).hasCount(1);
  }

  @Test
  @Order(9)
  void staysUnderTheSizeBudget() throws IOException {
    int js = gzipSize("/public/embed.js");
    int css = gzipSize("/public/embed.css");
    System.out.printf("embed.js %d B + embed.css %d B gzipped = %d B%n", js, css, js + css);
    assertThat(js + css).isLessThan(15_000);
  }

  private static int gzipSize(String resource) throws IOException {
    try (InputStream in = WidgetBrowserTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out) {
        {
          def.setLevel(Deflater.BEST_COMPRESSION);
        }
      }) {
        in.transferTo(gz);
      }
      return out.size();
    }
  }

  @Test
  @Order(10)
  void takesScreenshotsForReview() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    shoot("desktop", 1280, 900, ColorScheme.LIGHT);
    shoot("phone", 390, 844, ColorScheme.LIGHT);
    shoot("desktop-dark", 1280, 900, ColorScheme.DARK);
    shoot("phone-360-dark", 360, 780, ColorScheme.DARK);
  }

  private void shoot(String name, int width, int height, ColorScheme scheme) {
    if (context != null) context.close();
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
        .setColorScheme(scheme).setDeviceScaleFactor(1));
    page = context.newPage();
    page.onPageError(error -> pageErrors.add(error));
    page.navigate(base + "/");
    page.waitForSelector(".parley-list > .parley-comment");
    // no horizontal scrolling at any width
    assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"))
        .as("no horizontal overflow at " + width + "px").isTrue();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    page.locator("#comments").screenshot(new Locator.ScreenshotOptions()
        .setPath(SCREENSHOTS.resolve(name + "-comments.png")));
  }
}
