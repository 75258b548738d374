package parley.notify;

import java.util.Map;
import java.util.function.Supplier;
import parley.comment.CommentEvent;
import parley.i18n.Messages;
import parley.mail.Email;

/** The texts of the notification emails, each with its signed links and RFC 8058 one-click unsubscribe headers. */
final class NotifyEmails {
  private static final int MAX_QUOTE = 2_000;
  private final LinkSigner signer;
  private final Supplier<String> baseUrl;

  /** {@code baseUrl}: where readers reach this server; asked per email (a server on port 0 knows it only once up). */
  NotifyEmails(LinkSigner signer, Supplier<String> baseUrl) {
    this.signer = signer;
    this.baseUrl = baseUrl;
  }

  private String base() {
    String b = baseUrl.get();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  java.util.Optional<String> verify(String token) {
    return signer.verify(token);
  }

  String confirmLink(Subscription s, long expiresEpochSecond) {
    return base() + "/notify/confirm?t=" + signer.sign("c." + s.id() + "." + expiresEpochSecond);
  }

  String unsubscribeLink(Subscription s) {
    return base() + "/notify/unsubscribe?t=" + signer.sign("u." + s.id());
  }

  String unsubscribeAllLink(Subscription s) {
    return base() + "/notify/unsubscribe?t=" + signer.sign("a." + Scope.encode(s.siteId(), s.email()));
  }

  /** {@code discussion}: the thread's title, or null for a subscription to the whole site. */
  Email confirmation(Subscription s, String discussion, long expiresEpochSecond) {
    Messages t = Messages.of(s.lang());
    String where = discussion == null ? t.get("mail.confirm.site") : t.get("mail.confirm.thread", discussion);
    String text = t.get("mail.confirm.body", where, confirmLink(s, expiresEpochSecond)) + "\n";
    return new Email(s.email(), t.get("mail.confirm.subject"), text);
  }

  Email reply(Subscription s, CommentEvent e) {
    Messages t = Messages.of(s.lang());
    String body = e.body().length() > MAX_QUOTE ? e.body().substring(0, MAX_QUOTE) + "…" : e.body();
    String where = oneLine(e.title() != null && !e.title().isBlank() ? e.title() : e.pageKey());
    String read = e.url() == null || e.url().isBlank() ? "" : "\n" + t.get("mail.reply.read", e.url()) + "\n";
    String text = t.get("mail.reply.intro", oneLine(e.authorName()), where) + "\n\n" + body + "\n" + read
        + "\n--\n" + t.get("mail.reply.why") + "\n"
        + t.get(s.threadId() == null ? "mail.reply.stopSite" : "mail.reply.stopThread", unsubscribeLink(s)) + "\n"
        + t.get("mail.reply.stopAll", unsubscribeAllLink(s)) + "\n";
    return new Email(s.email(), t.get("mail.reply.subject", where), text, unsubscribeHeaders(unsubscribeLink(s)));
  }

  /** RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs to the link without opening it. */
  static Map<String, String> unsubscribeHeaders(String link) {
    return Map.of("List-Unsubscribe", "<" + link + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }

  static String oneLine(String s) {
    String flat = s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
  }

  /** A site and an email in one URL-safe token part. */
  record Scope(String siteId, String email) {
    static String encode(String siteId, String email) {
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString((siteId + "\n" + email).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Scope decode(String part) {
      String both = new String(java.util.Base64.getUrlDecoder().decode(part), java.nio.charset.StandardCharsets.UTF_8);
      int cut = both.indexOf('\n');
      if (cut < 0) throw new IllegalArgumentException("no scope");
      return new Scope(both.substring(0, cut), both.substring(cut + 1));
    }
  }
}
