package parley.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** axe-core (the copy inside Deque's Maven artifact) run in a Playwright page against WCAG 2.0–2.2 A and AA. */
public final class Axe {
  private static final String SOURCE = load();
  private static final String RUN = """
      async (selector) => {
        const r = await axe.run(selector || document, { runOnly: { type: "tag",
          values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
        return r.violations.map((v) => v.id + " (" + v.impact + "): " + v.help + " at "
          + v.nodes.map((n) => n.target.join(" ") + (n.failureSummary ? " [" + n.failureSummary.replace(/\\s+/g, " ") + "]" : ""))
            .join("; "));
      }""";

  private Axe() {}

  /**
   * Waits until the page is at rest, as axe (and a screenshot) should see it: no region aria-busy (the widget loading
   * its thread or posting), every stylesheet loaded (the widget adds embed.css and account.css from script: a click
   * on "Sign in" returns before account.css applies), then the CSS transitions and animations under way finished (the
   * button a click left hovered, a theme switch: the widget's buttons transition their colours for 0.15 s, and axe
   * measuring mid-transition sees a blend). Infinite and paused animations are not waited for.
   */
  public static void settle(Page page) {
    page.waitForFunction("() => !document.querySelector('[aria-busy=true]')"
        + " && [...document.querySelectorAll('link[rel~=stylesheet]')].every((l) => l.sheet || l.disabled)");
    // getAnimations() brings style up to date first, so it also returns transitions that a change just now starts
    page.evaluate("() => Promise.all(document.getAnimations()"
        + ".filter((a) => a.playState !== 'paused' && a.effect?.getComputedTiming().endTime !== Infinity)"
        + ".map((a) => a.finished.catch(() => null)))");
  }

  /**
   * The violations on the page (or within {@code selector}), one readable line each; empty when clean. Runs once the
   * page {@linkplain #settle settled}.
   */
  @SuppressWarnings("unchecked")
  public static List<String> violations(Page page, String selector) {
    settle(page);
    // evaluated through the DevTools protocol, which a page's Content-Security-Policy does not block
    if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) page.evaluate(SOURCE);
    return (List<String>) page.evaluate(RUN, selector);
  }

  public static List<String> violations(Page page) {
    return violations(page, null);
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) throw new IllegalStateException("axe.min.js is not on the test class path (pom: axe-core)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
