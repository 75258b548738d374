package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.testing.WidgetBrowser;

/**
 * The widget on a publisher page that sends a strict Content-Security-Policy (only the directives README lists),
 * and the demo page under its own policy: it loads, styles itself, posts, and the browser reports no violation.
 */
class StrictCspBrowserTest {
  @RegisterExtension static final WidgetBrowser browser = new WidgetBrowser();
  private static HttpServer publisher;
  private static String publisherOrigin;

  @BeforeAll
  static void start() throws IOException {
    publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    publisher.createContext("/", exchange -> {
      String parley = browser.base();
      // README's directives for the widget, and nothing else: no 'unsafe-inline', no 'unsafe-eval'
      String csp = "default-src 'none'; script-src " + parley + "; style-src " + parley + "; connect-src " + parley
          + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
      byte[] html = ("<!doctype html><html lang=en><head><title>Strict publisher</title></head><body><h1>Story</h1>"
          + "<div id=parley></div><script src='" + parley + "/embed.js' data-site=news data-page=strict-csp>"
          + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.getResponseHeaders().set("Content-Security-Policy", csp);
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
    });
    publisher.start();
    publisherOrigin = "http://127.0.0.1:" + publisher.getAddress().getPort();
    browser.server().app().sites().upsert("news", "Strict paper", List.of(publisherOrigin));
  }

  @AfterAll
  static void stop() {
    if (publisher != null) publisher.stop(0);
  }

  @Test
  void theWidgetWorksUnderAPublishersStrictPolicy() {
    List<String> violations = new ArrayList<>();
    try (BrowserContext context = browser.context()) {
      Page page = open(context, publisherOrigin + "/story", violations);
      PlaywrightAssertions.assertThat(page.locator(".parley-heading")).hasText("No comments yet");
      // the stylesheet applied: the widget is visible and styled, not left hidden
      PlaywrightAssertions.assertThat(page.locator(".parley-form-main .parley-btn")).hasCSS("border-radius", "999px");
      PlaywrightAssertions.assertThat(page.locator(".parley-root")).isVisible();
      page.locator(".parley-form-main textarea").fill("Posted under a strict policy.");
      page.locator(".parley-form-main button[type=submit]").click();
      Locator posted = page.locator(".parley-comment .parley-text").filter(
          new Locator.FilterOptions().setHasText("Posted under a strict policy."));
      PlaywrightAssertions.assertThat(posted).hasCount(1);
      // the avatar's colour is set through CSSOM, which a policy without 'unsafe-inline' allows
      assertThat(page.locator(".parley-avatar").first().evaluate("e => e.style.getPropertyValue('--parley-hue')"))
          .isNotEqualTo("");
    }
    assertThat(violations).as("Content-Security-Policy violations").isEmpty();
  }

  @Test
  void theDemoPageRunsUnderItsOwnPolicy() {
    List<String> violations = new ArrayList<>();
    try (BrowserContext context = browser.context()) {
      Page page = open(context, browser.base() + "/", violations);
      page.waitForSelector(".parley-list > .parley-comment");
      // the inline style block is allowed by its hash: the masthead is laid out with flexbox
      assertThat(page.locator(".masthead-inner").evaluate("e => getComputedStyle(e).display")).isEqualTo("flex");
    }
    assertThat(violations).as("Content-Security-Policy violations").isEmpty();
  }

  private static Page open(BrowserContext context, String url, List<String> violations) {
    Page page = context.newPage();
    page.onConsoleMessage(m -> {
      if (m.text().contains("Content Security Policy")) violations.add(m.text());
    });
    page.onPageError(e -> violations.add("page error: " + e));
    page.navigate(url);
    return page;
  }
}
