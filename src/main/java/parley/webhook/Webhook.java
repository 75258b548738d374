package parley.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;
import parley.comment.CommentEvent;

/** A site's webhook; {@code secret} signs every call and is shown to the admin only when the hook is created. */
public record Webhook(long id, String siteId, String url, @JsonIgnore String secret, WebhookFormat format,
    Set<CommentEvent.Kind> events) {}
