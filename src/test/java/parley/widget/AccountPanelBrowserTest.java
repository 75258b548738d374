package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.kit.Json;
import parley.mail.MailConfig;
import parley.testing.Axe;
import parley.testing.Chromium;
import parley.testing.Eventually;
import parley.testing.TestServer;

/**
 * The account panel inside the widget on the demo page, in headless Chromium against a real server and a real SMTP
 * server: sign-up, a hostile display name shown as text, profile, history, export download, sign-out and sign-in,
 * deletion, and the password-reset link from the email; axe-core finds no WCAG 2.2 AA violation with each panel open.
 */
class AccountPanelBrowserTest {
  static final String PASSWORD = "a long enough password";
  static GreenMail smtp;
  static TestServer server;
  static Chromium chromium;
  static Browser browser;
  BrowserContext context;
  Page page;
  final List<String> pageErrors = new ArrayList<>();

  @BeforeAll
  static void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    MailConfig mail = MailConfig.defaults().withSmtp("127.0.0.1", smtp.getSmtp().getPort(), "Parley <parley@news.example>")
        .withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50)).withDigestEvery(Duration.ZERO);
    server = TestServer.start(c -> c.withMail(mail));
    chromium = Chromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
    if (smtp != null) smtp.stop();
  }

  @AfterEach
  void close() {
    if (context != null) context.close();
    assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
  }

  private Page open(String url) {
    context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true));
    page = context.newPage();
    page.onPageError(pageErrors::add);
    page.navigate(url);
    page.waitForSelector(".parley-list > .parley-comment");
    return page;
  }

  private static LocatorAssertions expect(Locator l) {
    return PlaywrightAssertions.assertThat(l);
  }

  private Locator panel() {
    return page.locator(".parley-acct");
  }

  private Locator accountButton() {
    return page.locator(".parley-header > button.parley-btn");
  }

  private void axeClean(String when) {
    // Deque's AxeBuilder does not wait: after a click the thread may still reload (sign-in), account.css still load and
    // the hovered button's colours still transition
    Axe.settle(page);
    List<Rule> violations = new AxeBuilder(page).include(List.of("#parley"))
        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze().getViolations();
    assertThat(violations).as(when + ": " + violations.stream().map(v -> v.getId() + " " + v.getNodes().size()).toList())
        .isEmpty();
  }

  private void button(String name) {
    panel().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
  }

  @Test
  void aReaderSignsUpCommentsEditsTheProfileExportsSignsOutAndDeletesTheAccount() throws Exception {
    open(server.base() + "/");
    String email = "widget-" + System.nanoTime() + "@example.org";
    String hostile = "<img src=x onerror=window.__owned=1>";
    expect(accountButton()).hasText("Sign in");
    accountButton().click();
    expect(panel().locator("h3")).hasText("Sign in");
    axeClean("sign-in form");
    button("Create an account");
    panel().getByLabel("Email").fill(email);
    panel().getByLabel("Name shown with your comments").fill(hostile);
    panel().getByLabel("Password").fill(PASSWORD);
    button("Create account");
    expect(accountButton()).hasText(hostile);
    expect(panel().locator("h3")).hasText("Signed in as " + email);
    axeClean("profile panel");
    expect(page.locator(".parley-form-main").getByLabel("Name")).isHidden();

    page.locator(".parley-form-main").getByLabel("Your comment").fill("Written while signed in.");
    page.locator(".parley-form-main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();
    Locator mine = page.locator(".parley-comment-body").filter(new Locator.FilterOptions().setHasText("Written while signed in."));
    expect(mine.locator(".parley-author")).hasText(hostile);
    assertThat(page.evaluate("() => window.__owned === undefined")).isEqualTo(true);

    panel().getByLabel("Name shown with your comments").fill("Ada Widget");
    panel().getByLabel("Avatar colour").fill("120");
    panel().getByLabel("Email me when someone replies to my comments").check();
    button("Save profile");
    expect(accountButton()).hasText("Ada Widget");
    var profile = server.get("/api/v1/account", "X-Parley-Session", sessionToken()).json();
    assertThat(profile.path("hue").asInt()).isEqualTo(120);
    assertThat(profile.path("notifyReplies").asBoolean()).isTrue();

    accountButton().click(); // closes
    expect(panel()).hasCount(0);
    accountButton().click(); // opens on the profile
    button("Your comments");
    expect(page.locator(".parley-acct-list li")).hasCount(1);
    expect(page.locator(".parley-acct-list li")).containsText("Written while signed in.");
    axeClean("history list");

    Download download = page.waitForDownload(() -> button("Download your data"));
    var exported = Json.MAPPER.readTree(Files.readString(download.path()));
    assertThat(exported.path("account").path("email").asText()).isEqualTo(email);
    assertThat(exported.path("comments").get(0).path("body_markdown").asText()).isEqualTo("Written while signed in.");

    button("Sign out");
    expect(accountButton()).hasText("Sign in");
    expect(page.locator(".parley-form-main").getByLabel("Name")).isVisible();
    assertThat(page.evaluate("() => localStorage.getItem('parley:session')")).isIn(null, "null");

    accountButton().click();
    panel().getByLabel("Email").fill(email);
    panel().getByLabel("Password").fill("not the password");
    button("Sign in");
    expect(panel().locator(".parley-alert")).containsText("email or password is wrong");
    panel().getByLabel("Password").fill(PASSWORD);
    button("Sign in");
    expect(accountButton()).hasText("Ada Widget");

    button("Delete account…");
    axeClean("deletion form");
    panel().getByLabel("Your password, to confirm").fill(PASSWORD);
    button("Delete my account");
    expect(accountButton()).hasText("Sign in");
    expect(page.locator(".parley-text").filter(new Locator.FilterOptions().setHasText("Written while signed in."))).hasCount(0);
    assertThat(server.postJson("/api/v1/account/signin", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
        .error()).isEqualTo("LOGIN_FAILED");
  }

  @Test
  void theResetLinkInTheEmailOpensTheWidgetOnANewPasswordForm() throws Exception {
    String email = "reset-" + System.nanoTime() + "@example.org";
    assertThat(server.postJson("/api/v1/account/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
        + "\",\"name\":\"Rita Reset\"}").status()).isEqualTo(201);
    open(server.base() + "/");
    accountButton().click();
    button("Forgot your password?");
    panel().getByLabel("Email").fill(email);
    button("Email me a link");
    expect(panel().locator(".parley-acct-note")).containsText("email with a link is on its way");

    Eventually.until("the reset email", () -> smtp.getReceivedMessages().length > 0
        && java.util.Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> text(m).contains("parley-reset=")));
    String body = java.util.Arrays.stream(smtp.getReceivedMessages()).map(AccountPanelBrowserTest::text)
        .filter(t -> t.contains("parley-reset=")).findFirst().orElseThrow();
    Matcher link = Pattern.compile("(http://localhost:\\d+/#parley-reset=\\S+)").matcher(body);
    assertThat(link.find()).as(body).isTrue();
    context.close();

    open(link.group(1));
    expect(panel().locator("h3")).hasText("Choose a new password");
    // awaited: the history.replaceState that drops the token reaches Playwright's page.url() after the DOM change
    PlaywrightAssertions.assertThat(page).not().hasURL(Pattern.compile("parley-reset"));
    axeClean("new-password form");
    panel().getByLabel("New password (10 characters or more)").fill("my new long password");
    button("Save password");
    expect(accountButton()).hasText("Rita Reset");
    assertThat(server.postJson("/api/v1/account/signin", "{\"email\":\"" + email + "\",\"password\":\"my new long password\"}")
        .status()).isEqualTo(200);
  }

  private String sessionToken() {
    return Json.MAPPER.valueToTree(page.evaluate("() => JSON.parse(localStorage.getItem('parley:session')).token")).asText();
  }

  private static String text(jakarta.mail.internet.MimeMessage m) {
    try {
      return (String) m.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
