package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.moderation.Policy;
import parley.testing.Axe;
import parley.testing.Chromium;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * Spam defence in the widget, on a publisher's page in Chromium: the honeypot is invisible to people, screen readers
 * and the keyboard; with proof of work on, comments post after the widget solved the challenge in Web Workers (or, where
 * the page's CSP forbids blob: workers, on the main thread). Prints the reader's cost at the default difficulty.
 */
class SpamDefenceBrowserTest {
  private static ModerationServer server;
  private static Chromium chromium;
  private static HttpServer publisher;
  private static String publisherOrigin;
  private static As admin;

  @BeforeAll
  static void start() throws IOException {
    server = ModerationServer.start(c -> c, new KeywordClassifier());
    chromium = Chromium.launch();
    publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    publisher.createContext("/", exchange -> {
      String parley = server.base();
      boolean workers = !exchange.getRequestURI().getPath().startsWith("/strict");
      String csp = "default-src 'none'; script-src " + parley + "; style-src " + parley + "; connect-src " + parley
          + (workers ? "; worker-src blob:" : "");
      String page = exchange.getRequestURI().getPath().replace("/", "");
      byte[] html = ("<!doctype html><html lang=en><head><title>Publisher</title></head><body><main><h1>Story</h1>"
          + "<div id=parley></div></main><script src='" + parley + "/embed.js' data-site=news data-page=" + page + ">"
          + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.getResponseHeaders().set("Content-Security-Policy", csp);
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
    });
    publisher.start();
    publisherOrigin = "http://127.0.0.1:" + publisher.getAddress().getPort();
    server.app().sites().upsert("news", "News", List.of(publisherOrigin));
    server.app().moderation().updatePolicy("news", Policy.permissive());
    Staff.create(server.app(), "pow-browser@example.org", "news", Role.ADMIN);
    admin = server.login("pow-browser@example.org", Staff.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (publisher != null) publisher.stop(0);
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  private static void defence(String json) {
    assertThat(server.send(admin, "PUT", "/api/v1/sites/news/defence", json).status()).isEqualTo(200);
  }

  private static Page open(BrowserContext context, String path, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(publisherOrigin + path);
    page.waitForSelector(".parley-root");
    return page;
  }

  private static Locator post(Page page, String text) {
    Locator form = page.locator(".parley-form-main");
    form.getByLabel("Your comment").fill(text);
    form.getByLabel("Name").fill("Reader");
    form.locator("button[type=submit]").click();
    return page.locator(".parley-comment").filter(new Locator.FilterOptions().setHasText(text));
  }

  @Test
  void theHoneypotIsHiddenFromPeopleScreenReadersAndTheKeyboardButCatchesABot() {
    defence("{\"honeypot\":true,\"proofOfWork\":false}");
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = open(context, "/honeypot", errors);
      Locator trap = page.locator(".parley-form-main input[name=homepage]");
      assertThat(trap.getAttribute("tabindex")).isEqualTo("-1");
      assertThat(trap.getAttribute("autocomplete")).isEqualTo("off");
      assertThat(page.locator(".parley-form-main .parley-hp").getAttribute("aria-hidden")).isEqualTo("true");
      var box = trap.boundingBox();
      assertThat(box.x + box.width).as("off-screen").isLessThan(0);
      // not in the accessibility tree, not reached with Tab: from the email field Tab goes to the button
      assertThat(page.locator(".parley-form-main").ariaSnapshot()).doesNotContain("Homepage").contains("Email");
      page.locator(".parley-form-main input[name=email]").focus();
      page.keyboard().press("Tab");
      assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Post comment");
      assertThat(Axe.violations(page, ".parley")).isEmpty();

      Locator person = post(page, "A person writes here.");
      PlaywrightAssertions.assertThat(person).hasCount(1);
      PlaywrightAssertions.assertThat(person.locator(".parley-badge-pending")).hasCount(0);
      trap.fill("https://cheap-pills.example", new Locator.FillOptions().setForce(true)); // what a form bot does
      PlaywrightAssertions.assertThat(post(page, "Buy cheap pills now.")).containsText("Not published");
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void withProofOfWorkOnTheWidgetSolvesInWorkersAndPosts() throws IOException {
    defence("{\"proofOfWork\":true,\"difficulty\":" + parley.defence.DefenceSettings.DEFAULT_DIFFICULTY + "}");
    List<String> errors = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = open(context, "/pow", errors);
      page.onRequest(r -> requests.add(r.url()));
      PlaywrightAssertions.assertThat(post(page, "Solved in a worker.")).hasCount(1);
      assertThat(requests).anyMatch(u -> u.endsWith("/embed-pow.js")).anyMatch(u -> u.contains("/api/v1/challenge"));
      // a second comment needs a fresh solution: the first is spent
      PlaywrightAssertions.assertThat(post(page, "And a second one.")).hasCount(1);
      measure(page, "workers");
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void whereThePageForbidsBlobWorkersTheWidgetSolvesOnTheMainThread() {
    defence("{\"proofOfWork\":true,\"difficulty\":20000}");
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = chromium.browser().newContext()) {
      Page page = open(context, "/strict-pow", errors);
      PlaywrightAssertions.assertThat(post(page, "Solved without a worker.")).hasCount(1);
    }
    assertThat(errors).isEmpty();
    defence("{\"proofOfWork\":false}");
  }

  /** The reader's cost: ten challenges at the site's difficulty, solved as the widget does, timed in the page. */
  @SuppressWarnings("unchecked")
  private static void measure(Page page, String how) throws IOException {
    List<Number> ms = (List<Number>) page.evaluate("""
        async (base) => {
          const out = [];
          for (let i = 0; i < 10; i++) {
            const c = (await (await fetch(base + "/api/v1/challenge?site=news")).json()).challenge;
            const t = performance.now();
            await parleyPow(c);
            out.push(performance.now() - t);
          }
          return out;
        }""", server.base());
    double[] sorted = ms.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    double mean = java.util.Arrays.stream(sorted).average().orElseThrow();
    String line = String.format("proof of work (%s, difficulty %d, %s workers): mean %.0f ms, median %.0f ms, max %.0f ms%n",
        how, parley.defence.DefenceSettings.DEFAULT_DIFFICULTY, page.evaluate("() => Math.min(navigator.hardwareConcurrency || 2, 4)"),
        mean, (sorted[4] + sorted[5]) / 2, sorted[9]);
    System.out.print(line);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "pow-reader-cost.txt"), line);
  }
}
