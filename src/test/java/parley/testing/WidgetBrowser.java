package parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import parley.ParleyConfig;

/**
 * The real server (demo article included) and headless Chromium for one browser test class, as a JUnit extension:
 * {@code @RegisterExtension static final WidgetBrowser browser = new WidgetBrowser();}. Both start before the first
 * test and close after the last; every browser context a test opens is closed after it, and a JavaScript error on any
 * of its pages fails that test.
 */
public final class WidgetBrowser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  private final UnaryOperator<ParleyConfig> config;
  private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private TestServer server;
  private Chromium chromium;

  public WidgetBrowser() {
    this(c -> c);
  }

  public WidgetBrowser(UnaryOperator<ParleyConfig> config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.start(config);
    chromium = Chromium.launch();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    List<String> seen = new ArrayList<>(errors);
    errors.clear();
    assertThat(seen).as("JavaScript errors on the test's pages").isEmpty();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  public TestServer server() {
    return server;
  }

  public String base() {
    return server.base();
  }

  /** A fresh browser profile (its own storage: a new reader), closed after the test. */
  public BrowserContext context(Browser.NewContextOptions options) {
    BrowserContext context = chromium.browser().newContext(options);
    context.onPage(page -> page.onPageError(errors::add));
    contexts.add(context);
    return context;
  }

  public BrowserContext context() {
    return context(new Browser.NewContextOptions());
  }

  /**
   * A screenshot of the widget (the form and the first thread: enough to judge it, small enough for the README) to
   * target/screenshots/NAME.png, and with -Dparley.docs.screenshots=docs to docs/ too.
   */
  public static void shoot(Page page, String name) {
    var box = page.locator("#parley").boundingBox();
    var clip = new Page.ScreenshotOptions().setFullPage(true)
        .setClip(box.x - 8, box.y - 8, box.width + 16, Math.min(box.height + 16, 720));
    java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
    try {
      java.nio.file.Files.createDirectories(shots);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(clip.setPath(shots.resolve(name + ".png")));
    String docs = System.getProperty("parley.docs.screenshots");
    if (docs != null) page.screenshot(clip.setPath(java.nio.file.Path.of(docs, name + ".png")));
  }

  /** The demo article in a fresh profile, once its seeded comments are shown. */
  public Page demo(Browser.NewContextOptions options) {
    Page page = context(options).newPage();
    page.navigate(server.base() + "/");
    page.waitForSelector(".parley-list > .parley-comment");
    return page;
  }
}
