package parley.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import parley.comment.CommentEvent;
import parley.comment.CommentEvents;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Tokens;
import parley.mail.Outbox;
import parley.mail.OutboxKind;
import parley.store.Database;

/**
 * A site's webhooks: managed by its admins, and one outbox row per hook and event, enqueued in the event's own
 * transaction (so a rolled-back comment calls no hook) and delivered by {@link WebhookSender}. Thread-safe.
 */
public final class WebhookService implements CommentEvents.Listener {
  public static final int MAX_PER_SITE = 10;

  /** What an outbox row of kind WEBHOOK holds: the body is fixed at the event, the signature is made per try. */
  record Call(long webhookId, String event, Map<String, Object> body) {}

  private final WebhookStore store;
  private final Outbox outbox;
  private final Clock clock;

  public WebhookService(Database db, Outbox outbox, Clock clock) {
    this.store = new WebhookStore(db);
    this.outbox = outbox;
    this.clock = clock;
  }

  WebhookStore store() {
    return store;
  }

  public List<Webhook> list(String siteId) {
    return store.list(siteId);
  }

  /** Adds a hook; its secret is in the answer and never shown again. */
  public Webhook create(String siteId, String url, String format, List<String> events) {
    URI uri = url(url);
    WebhookFormat f = WebhookFormat.parse(format);
    if (f == null) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'format' is one of json, slack, discord.");
    Set<CommentEvent.Kind> kinds = kinds(events);
    if (store.list(siteId).size() >= MAX_PER_SITE) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "A site has at most " + MAX_PER_SITE + " webhooks.");
    }
    return store.create(siteId, uri.toString(), "whsec_" + Tokens.newToken(), f, kinds, clock.millis());
  }

  public void delete(String siteId, long id) {
    if (!store.delete(siteId, id)) throw new ApiException(ErrorCode.WEBHOOK_NOT_FOUND);
  }

  static URI url(String raw) {
    try {
      URI uri = raw == null || raw.length() > 2_000 ? null : new URI(raw.strip());
      if (uri != null && uri.getHost() != null && uri.getUserInfo() == null
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // answered below
    }
    throw new ApiException(ErrorCode.VALIDATION_FAILED, "'url' is an absolute http(s) URL without credentials.");
  }

  private static Set<CommentEvent.Kind> kinds(List<String> events) {
    Set<CommentEvent.Kind> kinds = EnumSet.noneOf(CommentEvent.Kind.class);
    if (events == null || events.isEmpty()) return EnumSet.allOf(CommentEvent.Kind.class);
    for (String e : events) {
      try {
        kinds.add(CommentEvent.Kind.valueOf(e.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException | NullPointerException x) {
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "'events' holds published, held and/or reported.");
      }
    }
    return kinds;
  }

  @Override
  public void on(Handle h, CommentEvent e) {
    for (Webhook hook : store.list(h, e.siteId())) {
      if (!hook.events().contains(e.kind())) continue;
      Call call = new Call(hook.id(), "comment." + e.kind().key(), WebhookPayloads.body(hook.format(), e));
      outbox.enqueue(h, OutboxKind.WEBHOOK, Outbox.json(call), "hook:" + hook.id() + ":" + e.kind().key() + ":" + e.commentId());
    }
  }
}
