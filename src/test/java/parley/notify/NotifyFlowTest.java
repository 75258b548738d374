package parley.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.mail.MailConfig;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/**
 * Reply notifications end to end on both databases: a real server, a real SMTP server (GreenMail), the links in the
 * emails followed over HTTP. Whether an email was enqueued is read from the outbox, which is written in the same
 * transaction as the reply: "no email" is a fact at once, not a wait.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyFlowTest {
  @Parameter
  Dialect dialect;
  GreenMail smtp;
  Mailbox mail;
  ModerationServer server;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    mail = new Mailbox(smtp);
    MailConfig mailConfig = MailConfig.defaults().withSmtp("127.0.0.1", smtp.getSmtp().getPort(), "Parley <parley@news.example>")
        .withTiming(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(50)).withDigestEvery(Duration.ZERO);
    server = ModerationServer.on(dialect, c -> c.withMail(mailConfig), new KeywordClassifier());
    mod = server.staff("mod@example.org", Role.MODERATOR);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
    if (smtp != null) smtp.stop();
  }

  private long post(String client, String page, Long parentId, String email, String body) {
    Reply r = server.send(As.reader(client), "POST", "/api/v1/comments", "{\"site\":\"news\",\"page\":\"" + page
        + "\",\"title\":\"Page " + page + "\",\"url\":\"https://news.example/" + page + "\",\"author\":\"" + client
        + "\",\"parentId\":" + parentId + ",\"email\":" + (email == null ? "null" : "\"" + email + "\"")
        + ",\"body\":" + ModerationServer.quote(body) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("comment").path("id").asLong();
  }

  private Reply subscribe(String page, String email) {
    return server.send(As.reader("x"), "POST", "/api/v1/subscriptions", "{\"site\":\"news\","
        + (page == null ? "" : "\"page\":\"" + page + "\",") + "\"email\":\"" + email + "\"}");
  }

  /** Reply emails enqueued for comment {@code id} (read from the outbox, committed with the reply). */
  private int replyRows(long id) {
    return server.app().database().read(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE :k")
        .bind("k", "reply:" + id + ":%").mapTo(Integer.class).one());
  }

  private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

  /** Follows a link from an email on this server: GET, or POST with a form body (RFC 8058 one-click, or the page's form). */
  private Reply follow(String link, String method, String form) {
    return follow(link, method, form, null);
  }

  /** As {@link #follow(String, String, String)}, from a browser whose language is {@code acceptLanguage}. */
  private Reply follow(String link, String method, String form, String acceptLanguage) {
    URI uri = URI.create(link);
    var b = java.net.http.HttpRequest.newBuilder(URI.create(server.base() + uri.getRawPath() + "?" + uri.getRawQuery()));
    if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
    if (form == null) b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
    else b.header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
    return Reply.exchange(http, b.build());
  }

  private static String token(String link) {
    return link.substring(link.indexOf("?t=") + 3);
  }

  /** Subscribes and confirms. */
  private void confirmedSubscription(String page, String email, int emailsBefore) throws Exception {
    assertThat(subscribe(page, email).status()).isEqualTo(202);
    confirm(email, emailsBefore + 1);
  }

  /** Follows the link in {@code email}'s n-th email (GET shows a button and changes nothing; POST confirms). */
  private void confirm(String email, int nth) throws Exception {
    MimeMessage confirm = mail.await(email, nth);
    assertThat(confirm.getSubject()).isEqualTo("Confirm reply notifications");
    String link = Mailbox.link(confirm, "/notify/confirm");
    Reply shown = follow(link, "GET", null);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.raw().body()).contains("action=\"/notify/confirm\"").contains(token(link));
    Reply done = follow(server.base() + "/notify/confirm?x=1", "POST", "t=" + token(link));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.raw().body()).contains("Confirmed");
  }

  @Test
  void onlyConfirmedSubscribersGetOneEmailPerPublishedReplyNeverForTheirOwnOrHeldOrRejectedOnes() throws Exception {
    long alice = post("alice", "p1", null, "alice@example.org", "Trams are good.");
    assertThat(subscribe("p1", "Alice@Example.org").status()).isEqualTo(202);
    assertThat(replyRows(post("bob", "p1", alice, null, "Before you confirmed."))).isZero();

    confirm("alice@example.org", 1);
    long reply = post("bob", "p1", alice, "bob@example.org", "I agree, trams are great.");
    assertThat(replyRows(reply)).isEqualTo(1);
    MimeMessage m = mail.await("alice@example.org", 2);
    assertThat(m.getSubject()).isEqualTo("New reply to your comment on Page p1");
    assertThat(Mailbox.text(m)).contains("bob replied to your comment").contains("I agree, trams are great.")
        .contains("https://news.example/p1");
    String unsubscribe = Mailbox.header(m, "List-Unsubscribe");
    assertThat(unsubscribe).startsWith("<" + server.base() + "/notify/unsubscribe?t=").endsWith(">");
    assertThat(Mailbox.header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

    assertThat(replyRows(post("alice2", "p1", alice, "ALICE@example.org", "Replying to myself."))).isZero();

    long held = post("carol", "p1", alice, null, "What an idiot take");
    assertThat(replyRows(held)).as("held: nothing yet").isZero();
    long rejected = post("dave", "p1", alice, null, "You moron");
    assertThat(server.send(mod, "POST", "/api/v1/sites/news/comments/" + rejected + "/reject", null).status()).isEqualTo(200);
    assertThat(replyRows(rejected)).isZero();
    assertThat(server.send(mod, "POST", "/api/v1/sites/news/comments/" + held + "/approve", null).status()).isEqualTo(200);
    assertThat(replyRows(held)).as("approved: published now").isEqualTo(1);
    assertThat(mail.await("alice@example.org", 3).getSubject()).startsWith("New reply");

    // one-click unsubscribe as a mail client does it (RFC 8058): POST to the header's URL
    String link = unsubscribe.substring(1, unsubscribe.length() - 1);
    Reply gone = follow(link, "POST", "List-Unsubscribe=One-Click");
    assertThat(gone.status()).isEqualTo(200);
    assertThat(replyRows(post("bob", "p1", alice, null, "After unsubscribing."))).isZero();
    assertThat(follow(link, "POST", "List-Unsubscribe=One-Click").status()).as("repeating is harmless").isEqualTo(200);
  }

  @Test
  void aSiteWideSubscriptionCoversEveryThreadAndStopAllEndsIt() throws Exception {
    long first = post("erin", "g1", null, "erin@example.org", "First.");
    long second = post("erin", "g2", null, "erin@example.org", "Second.");
    confirmedSubscription(null, "erin@example.org", 0);
    assertThat(replyRows(post("frank", "g2", second, null, "A reply elsewhere."))).isEqualTo(1);
    MimeMessage m = mail.await("erin@example.org", 2);
    assertThat(Mailbox.text(m)).contains("Stop emails for this site");
    String stopAll = Mailbox.link(m, "/notify/unsubscribe");
    // the second link in the text is "stop all"
    String text = Mailbox.text(m);
    String all = text.substring(text.indexOf("Stop all reply emails from this site: ") + 38).strip();
    assertThat(all).isNotEqualTo(stopAll);
    Reply page = follow(all, "GET", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("Unsubscribe");
    assertThat(follow(server.base() + "/notify/unsubscribe", "POST", "t=" + token(all)).status()).isEqualTo(200);
    assertThat(replyRows(post("frank", "g1", first, null, "Another reply."))).isZero();
  }

  @Test
  void aReaderAskingFromAGermanWidgetIsWrittenToInGermanAndTheLinksOpenInTheBrowsersLanguage() throws Exception {
    long ida = post("ida", "de1", null, "ida@example.org", "Gute Nachrichten aus dem Rathaus.");
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions",
        "{\"site\":\"news\",\"page\":\"de1\",\"email\":\"ida@example.org\",\"lang\":\"de-AT\"}").status()).isEqualTo(202);
    MimeMessage confirm = mail.await("ida@example.org", 1);
    assertThat(confirm.getSubject()).isEqualTo("Benachrichtigung über Antworten bestätigen");
    assertThat(Mailbox.text(confirm)).contains("in der Diskussion „Page de1“").contains("innerhalb von 7 Tagen");

    String link = Mailbox.link(confirm, "/notify/confirm");
    Reply page = follow(link, "GET", null, "de-DE,de;q=0.9,en;q=0.5");
    assertThat(page.raw().body()).contains("<html lang=\"de\"").contains(">Bestätigen</button>");
    assertThat(follow(link, "GET", null).raw().body()).as("another browser, another language").contains(">Confirm</button>");
    Reply done = follow(server.base() + "/notify/confirm", "POST", "t=" + token(link), "de");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.raw().body()).contains("Bestätigt");

    post("jan", "de1", ida, null, "Da stimme ich zu.");
    MimeMessage reply = mail.await("ida@example.org", 2);
    assertThat(reply.getSubject()).isEqualTo("Neue Antwort auf Ihren Kommentar zu Page de1");
    assertThat(Mailbox.text(reply)).contains("jan hat auf Ihren Kommentar zu „Page de1“ geantwortet:")
        .contains("Da stimme ich zu.").contains("Zur Diskussion: https://news.example/de1")
        .contains("Keine E-Mails mehr zu dieser Diskussion: " + server.base() + "/notify/unsubscribe?t=");

    // asking again from an English page switches the language; a language Parley lacks keeps the one it has
    assertThat(subscribe("de1", "ida@example.org").status()).isEqualTo(202);
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions",
        "{\"site\":\"news\",\"page\":\"de1\",\"email\":\"ida@example.org\",\"lang\":\"en\"}").status()).isEqualTo(202);
    post("jan", "de1", ida, null, "Noch eine Antwort.");
    assertThat(mail.await("ida@example.org", 3).getSubject()).isEqualTo("New reply to your comment on Page de1");
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions",
        "{\"site\":\"news\",\"page\":\"de1\",\"email\":\"ida@example.org\",\"lang\":\"xx\"}").status()).isEqualTo(202);
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions",
        "{\"site\":\"news\",\"page\":\"de1\",\"email\":\"ida@example.org\",\"lang\":7}").status())
        .as("lang is a string").isEqualTo(400);
    post("jan", "de1", ida, null, "Und noch eine.");
    assertThat(mail.await("ida@example.org", 4).getSubject()).isEqualTo("New reply to your comment on Page de1");
  }

  @Test
  void confirmationsCannotFloodAnInboxAndBadInputIsRefused() {
    post("gina", "b1", null, "gina@example.org", "Hello.");
    for (int i = 0; i < 5; i++) assertThat(subscribe("b1", "gina@example.org").status()).isEqualTo(202);
    int confirmations = server.app().database().read(h -> h.createQuery(
        "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'confirm:%' AND payload LIKE '%gina@example.org%'").mapTo(Integer.class).one());
    assertThat(confirmations).isEqualTo(1);

    assertThat(subscribe("b1", "not-an-address").json().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(subscribe("b1", "a@b.c\r\nBcc: x@y.z").status()).isEqualTo(400);
    assertThat(subscribe("no-such-page", "gina@example.org").json().path("error").path("code").asText()).isEqualTo("THREAD_NOT_FOUND");
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions", "{\"site\":\"nope\",\"email\":\"a@b.org\"}")
        .json().path("error").path("code").asText()).isEqualTo("SITE_NOT_FOUND");
    assertThat(server.send(new As("Origin", "https://evil.example"), "POST", "/api/v1/subscriptions",
        "{\"site\":\"news\",\"email\":\"a@b.org\"}").status()).isEqualTo(403);
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions", "{not json").status()).isEqualTo(400);

    String forged = "c.1." + (System.currentTimeMillis() / 1000 + 999) + "~AAAA";
    assertThat(follow(server.base() + "/notify/confirm", "POST", "t=" + forged).status()).isEqualTo(400);
    assertThat(follow(server.base() + "/notify/unsubscribe", "POST", "t=u.1~AAAA").status()).isEqualTo(400);
    Reply xss = follow(server.base() + "/notify/confirm?t=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "GET", null);
    assertThat(xss.raw().body()).doesNotContain("<script>alert(1)").contains("value=\"&#34;>&lt;script>");
  }

  @Test
  void theWidgetIsToldThatRepliesCanBeEmailed() {
    Reply r = server.thread(As.reader("x"), "p1");
    assertThat(r.raw().headers().firstValue("X-Parley-Notify")).hasValue("replies");
  }

  @Test
  void erasingAPersonByEmailRemovesTheirSubscriptions() {
    post("hal", "e1", null, "hal@example.org", "Erase me later.");
    assertThat(subscribe("e1", "hal@example.org").status()).isEqualTo(202);
    assertThat(subscribe(null, "hal@example.org").status()).isEqualTo(202);
    java.util.function.IntSupplier rows = () -> server.app().database().read(h -> h.createQuery(
        "SELECT COUNT(*) FROM reply_subscriptions WHERE email = 'hal@example.org'").mapTo(Integer.class).one());
    assertThat(rows.getAsInt()).isEqualTo(2);
    parley.importing.UserData.erase(server.app().database(), new parley.importing.UserData.Person("HAL@example.org", null, null));
    assertThat(rows.getAsInt()).isZero();
  }

  @Test
  void anOversizedSubscribeRequestIsRefused() {
    String huge = "{\"site\":\"news\",\"email\":\"" + "a".repeat(70_000) + "@b.org\"}";
    Reply r = server.send(As.reader("x"), "POST", "/api/v1/subscriptions", huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
    String longEmail = "{\"site\":\"news\",\"email\":\"" + "a".repeat(300) + "@b.org\"}";
    assertThat(server.send(As.reader("x"), "POST", "/api/v1/subscriptions", longEmail).status()).isEqualTo(400);
  }
}
