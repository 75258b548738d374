package parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import parley.auth.Role;
import parley.comment.Sort;
import parley.testing.Axe;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.testing.WidgetBrowser;
import parley.thread.CommentThread;
import parley.thread.ThreadSettings;
import parley.thread.ThreadStore;
import parley.thread.Toggle;

/**
 * Q&A mode and author faces in the real widget (issues 16 and 15): a staff member's comment carries a staff badge,
 * on a Q&A article it is marked as the answer and a note explains the mode; a signed-in reader's chosen avatar colour
 * shows on their comments. axe-core finds nothing.
 */
class QuestionsAndAnswersBrowserTest {
  @RegisterExtension
  static final WidgetBrowser browser = new WidgetBrowser();

  private static Reply send(String method, String path, String json, String... headers) {
    return browser.server().send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Signs in from the comment box and posts on the demo article; answers the new comment's id. */
  private static long postAs(String email, String password, Long parentId, String body) {
    Reply in = send("POST", "/api/v1/account/signin", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
    String[] session = {"X-Parley-Session", in.json().path("token").asText(), "X-Parley-Client", "c-" + email};
    if (email.startsWith("reader")) assertThat(send("PATCH", "/api/v1/account", "{\"hue\":42}", session).status()).isEqualTo(200);
    Reply r = send("POST", "/api/v1/comments", "{\"site\":\"demo\",\"page\":\"demo-article\",\"parentId\":" + parentId
        + ",\"body\":\"" + body + "\"}", session);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("comment").path("id").asLong();
  }

  private static void qa(boolean on) {
    var app = browser.server().app();
    CommentThread t = app.comments().thread("demo", "demo-article", Sort.OLDEST, null, 1, null).thread();
    app.database().write(h -> new ThreadStore(app.database())
        .setSettings(h, "demo", t.id(), new ThreadSettings(Toggle.INHERIT, null, null, false, Toggle.of(on))));
  }

  @Test
  void staffAnswersAreMarkedAndReadersKeepTheirColour() throws Exception {
    Staff.create(browser.server().app(), "transit.desk@example.org", "demo", Role.MODERATOR);
    assertThat(send("POST", "/api/v1/account/signup",
        "{\"email\":\"reader@example.org\",\"password\":\"a long reader password\",\"name\":\"Curious Reader\"}")
        .status()).isEqualTo(201);
    long question = postAs("reader@example.org", "a long reader password", null, "Does the Eastgate stop open first?");
    long answer = postAs("transit.desk@example.org", Staff.PASSWORD, question, "Yes: Eastgate opens with the first section.");

    try {
      Page page = browser.demo(new Browser.NewContextOptions().setViewportSize(1000, 900).setDeviceScaleFactor(1));
      Locator answerBody = page.locator("#parley-comment-" + answer + " > article");
      Locator questionBody = page.locator("#parley-comment-" + question + " > article");
      assertThat(answerBody.locator(".parley-badge-staff").innerText()).isEqualToIgnoringCase("Staff");
      assertThat(answerBody.getAttribute("class")).doesNotContain("parley-is-answer");
      assertThat(page.locator(".parley-qa-note").isVisible()).isFalse();
      assertThat(questionBody.locator(".parley-badge-staff").count()).isZero();
      assertThat(questionBody.locator(".parley-avatar").evaluate("e => e.style.getPropertyValue('--parley-hue')"))
          .isEqualTo("42");

      qa(true);
      page.reload();
      page.waitForSelector(".parley-list > .parley-comment");
      assertThat(page.locator(".parley-qa-note").isVisible()).isTrue();
      assertThat(answerBody.locator(".parley-badge-staff").innerText()).isEqualToIgnoringCase("Staff answer");
      assertThat(answerBody.getAttribute("class")).contains("parley-is-answer");
      assertThat(questionBody.getAttribute("class")).doesNotContain("parley-is-answer");
      assertThat(Axe.violations(page, "#parley")).isEmpty();
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      page.locator("#parley-comment-" + question).screenshot(new Locator.ScreenshotOptions()
          .setPath(shots.resolve("qa-answer.png")));
    } finally {
      qa(false);
    }
  }
}
