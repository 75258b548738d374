package parley.notify;

import java.util.Map;
import java.util.function.Supplier;
import parley.comment.CommentEvent;
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

  Email confirmation(Subscription s, String where, long expiresEpochSecond) {
    String text = """
        Someone, hopefully you, asked to be emailed replies to your comments %s.

        To confirm, open this link within 7 days:
        %s

        If it was not you, ignore this email: nothing will be sent without your confirmation.
        """.formatted(where, confirmLink(s, expiresEpochSecond));
    return new Email(s.email(), "Confirm reply notifications", text);
  }

  Email reply(Subscription s, CommentEvent e) {
    String body = e.body().length() > MAX_QUOTE ? e.body().substring(0, MAX_QUOTE) + "…" : e.body();
    String where = e.title() != null && !e.title().isBlank() ? e.title() : e.pageKey();
    String read = e.url() == null || e.url().isBlank() ? "" : "\nRead the discussion: " + e.url() + "\n";
    String text = """
        %s replied to your comment on "%s":

        %s
        %s
        --
        You get this because you asked to be emailed replies.
        Stop emails for this %s: %s
        Stop all reply emails from this site: %s
        """.formatted(oneLine(e.authorName()), oneLine(where), body, read,
        s.threadId() == null ? "site" : "discussion", unsubscribeLink(s), unsubscribeAllLink(s));
    return new Email(s.email(), "New reply to your comment on " + oneLine(where), text, unsubscribeHeaders(unsubscribeLink(s)));
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
