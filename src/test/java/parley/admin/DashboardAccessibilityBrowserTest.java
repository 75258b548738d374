package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.Axe;
import parley.testing.Chromium;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Staff;

/**
 * Every dashboard page, signed in as an admin with comments in every queue: axe-core finds no WCAG 2.2 A/AA
 * violation; at a 640 px wide viewport (a 1280 px screen at 200 % zoom) nothing scrolls sideways and no two controls
 * overlap; every control is reached with Tab and shows where the focus is.
 */
class DashboardAccessibilityBrowserTest {
  static final String ADMIN = "a11y-admin@example.org";
  static ModerationServer server;
  static Chromium chromium;

  /** Paths under /admin/news/ (and the sign-in page), signed in where it needs it. */
  static final List<String> PAGES = new ArrayList<>(List.of("queue/pending", "queue/reported", "queue/rejected",
      "queue/featured", "queue/recent", "audit", "settings", "defence", "webhooks", "import", "queue/no-such-queue",
      "article-defaults", "threads/1", "users")); // threads/1: the article all the comments above are on

  @BeforeAll
  static void start() {
    server = ModerationServer.start(c -> c, new KeywordClassifier());
    Staff.create(server.app(), ADMIN, ModerationServer.SITE, Role.ADMIN);
    Staff.create(server.app(), ADMIN, "other", Role.MODERATOR); // two sites: the site picker shows
    // something in every queue: held (threat), rejected (honeypot), reported, featured, and an audit entry
    server.comment(As.reader("a11y-1"), "a11y", "I will kill you if you show up at the council meeting.");
    server.send(As.reader("a11y-2"), "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"a11y\",\"author\":\"Bot\","
        + "\"body\":\"Cheap pills here.\",\"homepage\":\"https://pills.example\"}");
    long fine = server.comment(As.reader("a11y-3"), "a11y", "The new tram timetable is a real improvement.")
        .json().path("comment").path("id").asLong();
    for (int i = 0; i < 3; i++) {
      server.send(new As("X-Parley-Client", "rep-" + i, "X-Forwarded-For", "10.0.0." + i), "POST",
          "/api/v1/comments/" + fine + "/report", "{\"reason\":\"spam\"}");
    }
    As admin = server.login(ADMIN, Staff.PASSWORD);
    long other = server.comment(As.reader("a11y-4"), "a11y", "A thoughtful comment worth featuring.")
        .json().path("comment").path("id").asLong();
    server.send(admin, "POST", "/api/v1/sites/news/comments/" + other + "/feature", null);
    // the user page of the author whose comment is held, with a note on it
    String author = server.send(admin, "GET", "/api/v1/sites/news/users", null).json().path("users").get(0)
        .path("key").asText();
    server.send(admin, "POST", "/api/v1/sites/news/users/" + author + "/notes", "{\"body\":\"Warned once.\"}");
    if (server.send(admin, "GET", "/admin/news/users/" + author, null).status() != 200) {
      throw new AssertionError("no user page for " + author);
    }
    PAGES.add("users/" + author);
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  private static BrowserContext signedIn(int width, int height) {
    BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    Page page = context.newPage();
    page.navigate(server.base() + "/admin/login");
    page.fill("input[name=email]", ADMIN);
    page.fill("input[name=password]", Staff.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL("**/queue/pending");
    page.close();
    return context;
  }

  private static List<String> everyPage(BrowserContext context, java.util.function.Function<Page, List<String>> check) {
    List<String> problems = new ArrayList<>();
    Page page = context.newPage();
    for (String path : PAGES) {
      page.navigate(server.base() + "/admin/news/" + path);
      check.apply(page).forEach(p -> problems.add(path + ": " + p));
    }
    page.close();
    return problems;
  }

  @Test
  void everyPageHasNoAxeViolations() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext anonymous = chromium.browser().newContext()) {
      Page login = anonymous.newPage();
      login.navigate(server.base() + "/admin/login");
      Axe.violations(login).forEach(v -> problems.add("login: " + v));
      login.fill("input[name=email]", ADMIN);
      login.fill("input[name=password]", "wrong password");
      login.click("button[type=submit]");
      login.locator(".error").waitFor();
      Axe.violations(login).forEach(v -> problems.add("login with an error: " + v));
    }
    try (BrowserContext context = signedIn(1280, 900)) {
      problems.addAll(everyPage(context, Axe::violations));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void at200PercentZoomNothingScrollsSidewaysOrOverlaps() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = signedIn(640, 800)) {
      problems.addAll(everyPage(context, page -> {
        String name = page.url().replaceFirst(".*/admin/news/", "").replace('/', '-');
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(java.nio.file.Path.of("target", "screenshots", "dashboard-640-" + name + ".png")));
        return layoutProblems(page);
      }));
      problems.addAll(everyPage(context, Axe::violations));
    }
    assertThat(problems).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static List<String> layoutProblems(Page page) {
    return (List<String>) page.evaluate("""
        () => {
          const out = [];
          if (document.documentElement.scrollWidth > innerWidth) out.push("scrolls sideways: " + document.documentElement.scrollWidth + "px");
          const name = (e) => e.tagName.toLowerCase() + (e.name ? "[name=" + e.name + "]" : "") + " '" + (e.textContent || e.value || "").trim().slice(0, 20) + "'";
          const controls = [...document.querySelectorAll("main a, main button, main input, main select, main textarea, header a, header button, header select")]
            .filter((e) => e.offsetParent !== null && e.type !== "hidden");
          const boxes = controls.map((e) => [e, e.getBoundingClientRect()]);
          for (let i = 0; i < boxes.length; i++) {
            const [a, r] = boxes[i];
            if (r.right > innerWidth + 1) out.push(name(a) + " reaches past the right edge");
            for (let j = i + 1; j < boxes.length; j++) {
              const [b, s] = boxes[j];
              if (a.contains(b) || b.contains(a)) continue;
              const w = Math.min(r.right, s.right) - Math.max(r.left, s.left), h = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
              if (w > 1 && h > 1) out.push(name(a) + " overlaps " + name(b));
            }
          }
          return out;
        }""");
  }

  @Test
  void everyControlIsReachedWithTabAndShowsItsFocus() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = signedIn(1280, 900)) {
      problems.addAll(everyPage(context, DashboardAccessibilityBrowserTest::keyboardProblems));
    }
    assertThat(problems).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static List<String> keyboardProblems(Page page) {
    List<String> out = new ArrayList<>();
    int controls = ((Number) page.evaluate("""
        () => [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
          .filter((e) => e.offsetParent !== null && e.type !== "hidden" && !e.disabled && e.tabIndex >= 0
            && !(e.type === "radio" && !e.checked)).length""")).intValue();
    page.evaluate("() => document.activeElement && document.activeElement.blur()");
    java.util.Set<String> reached = new java.util.LinkedHashSet<>();
    for (int i = 0; i < controls + 5; i++) {
      page.keyboard().press("Tab");
      Object[] seen = ((List<Object>) page.evaluate("""
          () => { const e = document.activeElement; if (!e || e === document.body) return [null, true];
            const s = getComputedStyle(e);
            const shows = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
            const id = [...document.querySelectorAll("*")].indexOf(e) + " " + e.tagName + " " + (e.name || e.textContent.trim().slice(0, 20));
            return [id, shows]; }""")).toArray();
      if (seen[0] == null) continue;
      if (!(Boolean) seen[1]) out.add("no visible focus on " + seen[0]);
      reached.add((String) seen[0]);
    }
    if (reached.size() < controls) out.add("Tab reached " + reached.size() + " of " + controls + " controls");
    return out;
  }
}
