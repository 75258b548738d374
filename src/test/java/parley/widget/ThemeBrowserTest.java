package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.testing.Axe;
import parley.testing.WidgetBrowser;

/**
 * The widget's themes on the demo article: light and dark follow the reader's colour scheme unless the host sets
 * data-theme on the container; a host theme through the --parley-* properties. axe-core finds nothing in any of them.
 * Screenshots go to target/screenshots/, and with -Dparley.docs.screenshots=docs to docs/ for the README.
 */
class ThemeBrowserTest {
  static final String LIGHT_FG = "rgb(29, 33, 39)";
  static final String DARK_FG = "rgb(230, 232, 235)";
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();
  final List<String> errors = new ArrayList<>();

  private Page open(BrowserContext context, String theme) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(browser.base() + "/");
    page.waitForSelector(".parley-list > .parley-comment");
    if (theme != null) {
      page.evaluate("t => document.getElementById('parley').dataset.theme = t", theme);
      settle(page);
    }
    return page;
  }

  /** Waits for the colour transitions a theme change starts: axe measuring mid-transition sees a blend of the two. */
  private static void settle(Page page) {
    Axe.settle(page);
  }

  private static BrowserContext context(ColorScheme scheme) {
    return browser.context(new Browser.NewContextOptions().setColorScheme(scheme)
        .setViewportSize(900, 1000).setDeviceScaleFactor(1));
  }

  private static String css(Page page, String selector, String property) {
    return (String) page.locator(selector).first().evaluate("(e, p) => getComputedStyle(e)[p]", property);
  }

  private static void shoot(Page page, String name) {
    WidgetBrowser.shoot(page, "theme-" + name);
  }


  @Test
  void lightAndDarkFollowTheReadersColourSchemeAndPassAxe() throws IOException {
    try (BrowserContext light = context(ColorScheme.LIGHT); BrowserContext dark = context(ColorScheme.DARK)) {
      Page day = open(light, null);
      assertThat(css(day, ".parley", "color")).isEqualTo(LIGHT_FG);
      assertThat(Axe.violations(day, "#parley")).isEmpty();
      shoot(day, "light");
      Page night = open(dark, null);
      assertThat(css(night, ".parley", "color")).isEqualTo(DARK_FG);
      assertThat(css(night, ".parley-textarea", "background-color")).isEqualTo("rgb(21, 24, 28)");
      assertThat(Axe.violations(night, "#parley")).isEmpty();
      shoot(night, "dark");
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void theHostsDataThemeWinsOverTheReadersScheme() {
    try (BrowserContext light = context(ColorScheme.LIGHT); BrowserContext dark = context(ColorScheme.DARK)) {
      Page forcedDark = open(light, "dark");
      assertThat(css(forcedDark, ".parley", "color")).isEqualTo(DARK_FG);
      assertThat(css(forcedDark, ".parley", "color-scheme")).isEqualTo("dark");
      assertThat(Axe.violations(forcedDark, "#parley")).isEmpty();
      Page forcedLight = open(dark, "light");
      assertThat(css(forcedLight, ".parley", "color")).isEqualTo(LIGHT_FG);
      assertThat(Axe.violations(forcedLight, "#parley")).isEmpty();
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void aHostThemeSetsColoursFontSpacingAndRadius() throws IOException {
    try (BrowserContext light = context(ColorScheme.LIGHT)) {
      Page page = open(light, "light");
      double before = Double.parseDouble(css(page, ".parley-form-main", "paddingTop").replace("px", ""));
      // a newspaper's own look, set through CSSOM as a host stylesheet would
      page.evaluate("""
          () => Object.entries({ "--parley-font": "Georgia, 'Times New Roman', serif", "--parley-fg": "#231a12",
            "--parley-muted": "#5e4d3b", "--parley-bg": "#fffaf2", "--parley-surface": "#f6eddf",
            "--parley-border": "#d8c7ae", "--parley-line": "#e8dcc8", "--parley-accent": "#8a1538",
            "--parley-radius": "2px", "--parley-space": "5px", "--parley-font-size": "17px" })
            .forEach(([k, v]) => document.getElementById('parley').style.setProperty(k, v))""");
      settle(page);
      assertThat(css(page, ".parley", "fontFamily")).startsWith("Georgia");
      // the button's background transitions; the colour it resolves to is what the host set
      assertThat(page.locator(".parley-form-main button[type=submit]").evaluate(
          "e => getComputedStyle(e).getPropertyValue('--_accent').trim()")).isEqualTo("#8a1538");
      assertThat(css(page, ".parley", "fontSize")).isEqualTo("17px");

      assertThat(css(page, ".parley-form-main", "borderTopLeftRadius")).isEqualTo("2px");
      double after = Double.parseDouble(css(page, ".parley-form-main", "paddingTop").replace("px", ""));
      assertThat(after).as("spacing scales with --parley-space").isEqualTo(before * 5 / 4);
      assertThat(Axe.violations(page, "#parley")).isEmpty();
      shoot(page, "host");
    }
    assertThat(errors).isEmpty();
  }
}
