package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ColorScheme;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.kit.Json;
import parley.testing.Axe;
import parley.testing.WidgetBrowser;

/**
 * The widget in the page's language: German from {@code <html lang="de">}, Arabic right to left from data-lang,
 * English for a language without a bundle (and then no bundle is fetched), and a German embed on another origin.
 * Plural texts follow the browser's Intl.PluralRules; axe-core finds nothing in either language, light or dark.
 */
class WidgetLanguagesBrowserTest {
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();
  final List<String> bundleRequests = new ArrayList<>();

  /** The demo article with its HTML changed by {@code edit} (a language on the page or the script tag). */
  private Page demo(ColorScheme scheme, UnaryOperator<String> edit) {
    Page page = browser.context(new Browser.NewContextOptions().setColorScheme(scheme)
        .setViewportSize(900, 1000).setDeviceScaleFactor(1)).newPage();
    page.onRequest(r -> {
      if (r.url().contains("/lang/")) bundleRequests.add(r.url());
    });
    page.route(browser.base() + "/", route -> {
      var original = route.fetch();
      route.fulfill(new Route.FulfillOptions().setResponse(original).setBody(edit.apply(original.text())));
    });
    page.navigate(browser.base() + "/");
    page.waitForSelector(".parley-list > .parley-comment");
    return page;
  }

  private static int commentCount() {
    return browser.server().get("/api/v1/threads?site=demo&page=demo-article").json().path("thread").path("commentCount").asInt();
  }

  /** The bundle's plural form for n, chosen by the page's own Intl.PluralRules. */
  private static String plural(Page page, String lang, String key, int n) throws IOException {
    String category = (String) page.evaluate("([l, n]) => new Intl.PluralRules(l).select(n)", List.of(lang, n));
    String number = (String) page.evaluate("([l, n]) => n.toLocaleString(l)", List.of(lang, n));
    return bundle(lang).path(key).path(category).asText().replace("{0}", number);
  }

  private static JsonNode bundle(String lang) throws IOException {
    try (InputStream in = WidgetLanguagesBrowserTest.class.getResourceAsStream("/public/lang/" + lang + ".json")) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static String text(Page page, String selector) {
    return page.locator(selector).first().innerText().trim();
  }

  @Test
  void followsThePagesLangAttribute() throws IOException {
    Page page = demo(ColorScheme.LIGHT, html -> html.replace("<html lang=\"en\">", "<html lang=\"de-DE\">"));
    assertThat(page.locator("#parley").getAttribute("lang")).isEqualTo("de");
    assertThat(page.locator("#parley").getAttribute("dir")).isEqualTo("ltr");
    assertThat(text(page, ".parley-heading")).isEqualTo(plural(page, "de", "{0} comments", commentCount()));
    assertThat(text(page, ".parley-form-main button[type=submit]")).isEqualTo("Kommentar senden");
    assertThat(page.locator(".parley-form-main").getByLabel("Ihr Kommentar").count()).isEqualTo(1);
    assertThat(page.locator(".parley-sort-btn").allInnerTexts()).containsExactly("Älteste", "Neueste", "Beste");
    assertThat(page.locator(".parley-action").allInnerTexts()).contains("Antworten", "Melden");
    // relative times in German from the browser's Intl (the demo comments are minutes to days old)
    assertThat(page.locator(".parley-time time").allInnerTexts()).allSatisfy(t ->
        assertThat(t).doesNotContain("ago").matches("(?i).*(vor|gestern|gerade|jetzt|letzte).*"));
    assertThat(Axe.violations(page, "#parley")).isEmpty();
    assertThat(bundleRequests).containsExactly(browser.base() + "/lang/de.json");
    // the account panel (account.js, fetched on first use) speaks German too
    page.locator(".parley-header > button.parley-btn").click();
    assertThat(text(page, ".parley-acct h3")).isEqualTo("Anmelden");
    assertThat(page.locator(".parley-acct").getByLabel("Passwort").count()).isEqualTo(1);
    assertThat(page.locator(".parley-acct .parley-link").allInnerTexts()).contains("Konto anlegen", "Passwort vergessen?");
    assertThat(Axe.violations(page, "#parley")).as("axe, German account panel").isEmpty();
    Page dark = demo(ColorScheme.DARK, html -> html.replace("<html lang=\"en\">", "<html lang=\"de\">"));
    assertThat(text(dark, ".parley-form-main button[type=submit]")).isEqualTo("Kommentar senden");
    assertThat(Axe.violations(dark, "#parley")).as("axe, German, dark").isEmpty();
  }

  @Test
  void readsArabicRightToLeftFromDataLangInLightAndDark() throws IOException {
    for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
      Page page = demo(scheme, html -> html.replace("data-site=\"demo\"", "data-site=\"demo\" data-lang=\"ar\""));
      assertThat(page.locator("#parley").getAttribute("dir")).isEqualTo("rtl");
      assertThat(page.locator("#parley").getAttribute("lang")).isEqualTo("ar");
      assertThat(text(page, ".parley-heading")).isEqualTo(plural(page, "ar", "{0} comments", commentCount()));
      assertThat(text(page, ".parley-form-main button[type=submit]")).isEqualTo("نشر التعليق");
      // the thread line of replies sits on the right-hand (start) side in RTL
      assertThat(page.locator(".parley-replies").first().evaluate("e => getComputedStyle(e).borderRightWidth"))
          .isNotEqualTo("0px");
      assertThat(Axe.violations(page, "#parley")).as("axe, Arabic, " + scheme).isEmpty();
      if (scheme == ColorScheme.LIGHT) shoot(page, "widget-ar");
    }
  }

  @Test
  void aLanguageWithoutABundleStaysEnglishAndFetchesNothing() {
    Page page = demo(ColorScheme.LIGHT, html -> html.replace("<html lang=\"en\">", "<html lang=\"fr\">"));
    assertThat(text(page, ".parley-heading")).isEqualTo(commentCount() + " comments");
    assertThat(page.locator("#parley").getAttribute("dir")).isNull();
    assertThat(bundleRequests).isEmpty();
  }

  @Test
  void aPublisherOnAnotherOriginGetsItsLanguageToo() throws IOException {
    HttpServer publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    publisher.createContext("/", exchange -> {
      byte[] html = ("<!doctype html><html lang=de><head><title>Zeitung</title></head><body><h1>Artikel</h1>"
          + "<div id=parley></div><script src='" + browser.base() + "/embed.js' data-site=zeitung data-page=artikel-1>"
          + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, html.length);
      exchange.getResponseBody().write(html);
      exchange.close();
    });
    publisher.start();
    browser.server().app().sites().upsert("zeitung", "Zeitung", List.of("http://127.0.0.1:" + publisher.getAddress().getPort()));
    try {
      Page page = browser.context().newPage();
      page.navigate("http://127.0.0.1:" + publisher.getAddress().getPort() + "/");
      page.waitForSelector(".parley-empty");
      assertThat(text(page, ".parley-heading")).isEqualTo("Noch keine Kommentare");
      assertThat(text(page, ".parley-form-main button[type=submit]")).isEqualTo("Kommentar senden");
    } finally {
      publisher.stop(0);
    }
  }

  private static void shoot(Page page, String name) {
    WidgetBrowser.shoot(page, name);
  }

}
