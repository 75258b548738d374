package parley.notify;

import parley.i18n.Lang;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import parley.comment.CommentEvent;
import parley.comment.CommentEvents;
import parley.comment.CommentService;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Tokens;
import parley.mail.Outbox;
import parley.mail.OutboxKind;
import parley.store.Database;
import parley.thread.CommentThread;

/**
 * Reply notifications: double opt-in subscriptions, signed confirm and unsubscribe links, and one email per published
 * reply to each confirmed subscriber whose comment was replied to (never its own author, never for held or rejected
 * replies: only {@link CommentEvent.Kind#PUBLISHED} is heard). Thread-safe.
 */
public final class NotifyService implements CommentEvents.Listener {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Duration CONFIRM_WITHIN = Duration.ofDays(7);

  /** What following a link did. */
  public enum Outcome { CONFIRMED, UNSUBSCRIBED, INVALID, EXPIRED }

  private final Database db;
  private final Outbox outbox;
  private final CommentService comments;
  private final SubscriptionStore store;
  private final NotifyEmails emails;
  private final Clock clock;

  public NotifyService(Database db, Outbox outbox, CommentService comments, Supplier<String> baseUrl, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.comments = comments;
    this.store = new SubscriptionStore(db);
    this.emails = new NotifyEmails(LinkSigner.load(db, "notify-links", clock), baseUrl);
    this.clock = clock;
  }

  /**
   * Asks for replies to {@code email}'s comments in the thread under {@code pageKey} (or, with no page, anywhere on the
   * site). Sends a confirmation unless already confirmed; at most one per subscription and hour, so the endpoint cannot
   * be used to flood an inbox. The answer is the same either way: it must not reveal who subscribed. The emails are
   * written in {@code lang}, the widget's language (null: as before, English for a new subscription).
   */
  public void subscribe(String siteId, String pageKey, String rawEmail, Lang lang) {
    String email = email(rawEmail);
    Long threadId = null;
    String discussion = null;
    if (pageKey != null) {
      CommentThread t = comments.threadFor(siteId, pageKey).orElseThrow(() -> new ApiException(ErrorCode.THREAD_NOT_FOUND));
      threadId = t.id();
      discussion = NotifyEmails.oneLine(t.title() == null ? t.pageKey() : t.title());
    } else {
      comments.threadFor(siteId, "/"); // SITE_NOT_FOUND for an unknown site
    }
    long now = clock.millis();
    Long thread = threadId;
    String scope = discussion;
    db.write(h -> {
      Subscription s = store.request(h, siteId, email, thread, lang, now);
      if (s.confirmed()) return null;
      long expires = now / 1000 + CONFIRM_WITHIN.toSeconds();
      outbox.enqueue(h, OutboxKind.EMAIL, Outbox.json(emails.confirmation(s, scope, expires)),
          "confirm:" + s.id() + ":" + now / 3_600_000);
      return null;
    });
  }

  static String email(String raw) {
    String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches() || email.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'email' is not an address.");
    }
    return email;
  }

  /** Ends every subscription of an address on a site (a signed-in reader turning reply emails off). */
  public void unsubscribeAll(String siteId, String rawEmail) {
    store.removeAll(siteId, email(rawEmail));
  }

  /** Ends every subscription of an address on every site (its account is being erased), in the erasure's transaction. */
  public static void forget(Handle h, String email) {
    SubscriptionStore.removeEverywhere(h, email);
  }

  /** Subscriptions follow a thread merged into another, in the merge's transaction. */
  public static void moveThread(Handle h, long from, long into) {
    SubscriptionStore.moveThread(h, from, into);
  }

  public Outcome confirm(String token) {
    String[] p = signer(token, "c");
    if (p == null || p.length != 3) return Outcome.INVALID;
    if (clock.millis() / 1000 > Long.parseLong(p[2])) return Outcome.EXPIRED;
    return store.confirm(Long.parseLong(p[1]), clock.millis()) ? Outcome.CONFIRMED : Outcome.INVALID;
  }

  /** A "u" token ends one subscription, an "a" token all of its address's on the site; repeating one is harmless. */
  public Outcome unsubscribe(String token) {
    String[] u = signer(token, "u");
    if (u != null && u.length == 2) {
      store.remove(Long.parseLong(u[1]));
      return Outcome.UNSUBSCRIBED;
    }
    String[] a = signer(token, "a");
    if (a == null || a.length != 2) return Outcome.INVALID;
    NotifyEmails.Scope scope = NotifyEmails.Scope.decode(a[1]);
    store.removeAll(scope.siteId(), scope.email());
    return Outcome.UNSUBSCRIBED;
  }

  private String[] signer(String token, String kind) {
    String payload = emails.verify(token).orElse(null);
    if (payload == null || !payload.startsWith(kind + ".")) return null;
    return payload.split("\\.");
  }

  @Override
  public void on(Handle h, CommentEvent e) {
    if (e.kind() != CommentEvent.Kind.PUBLISHED || e.parentEmail() == null || e.parentEmail().isBlank()) return;
    String to = e.parentEmail().strip().toLowerCase(Locale.ROOT);
    if (e.authorEmail() != null && to.equals(e.authorEmail().strip().toLowerCase(Locale.ROOT))) return;
    List<Subscription> subs = store.covering(h, e.siteId(), to, e.threadId());
    if (subs.isEmpty()) return;
    // one email per reply and address, even if it is published, undone and published again
    outbox.enqueue(h, OutboxKind.EMAIL, Outbox.json(emails.reply(subs.get(0), e)),
        "reply:" + e.commentId() + ":" + Tokens.sha256(to));
  }

  /** For tests and the digest: the links of a subscription's emails. */
  NotifyEmails emails() {
    return emails;
  }
}
