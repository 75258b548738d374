package parley.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.mail.MailConfig;
import parley.testing.Chromium;
import parley.testing.TestServer;

/** The widget's "Email me replies" in headless Chromium: offered only with SMTP, and it starts the double opt-in. */
class NotifyWidgetBrowserTest {
  private static Page open(BrowserContext context, String base, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(base + "/");
    page.waitForSelector(".parley-list > .parley-comment");
    return page;
  }

  @Test
  void offeredWithSmtpAndAskingSendsAConfirmationEmail() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    MailConfig mail = MailConfig.defaults().withSmtp("127.0.0.1", smtp.getSmtp().getPort(), "parley@news.example")
        .withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50)).withDigestEvery(Duration.ZERO);
    List<String> errors = new ArrayList<>();
    try (TestServer server = TestServer.start(c -> c.withMail(mail)); TestServer plain = TestServer.start();
        Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext()) {
      Page without = open(context, plain.base(), errors);
      PlaywrightAssertions.assertThat(without.locator(".parley-form-main").getByLabel("Email me replies")).isHidden();

      Page page = open(context, server.base(), errors);
      Locator form = page.locator(".parley-form-main");
      Locator box = form.getByLabel("Email me replies");
      PlaywrightAssertions.assertThat(box).isVisible();
      form.getByLabel("Your comment").fill("Tell me when someone answers.");
      form.getByLabel("Name").fill("Nora");
      form.getByLabel("Email").first().fill("nora@example.org");
      box.check();
      form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post comment")).click();
      PlaywrightAssertions.assertThat(page.locator(".parley-sr")).hasText("Check your email to confirm reply notifications.");
      var confirm = new Mailbox(smtp).await("nora@example.org", 1);
      assertThat(confirm.getSubject()).isEqualTo("Confirm reply notifications");
      assertThat(Mailbox.link(confirm, "/notify/confirm")).startsWith(server.base());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    } finally {
      smtp.stop();
    }
    assertThat(errors).isEmpty();
  }
}
