package parley.webhook;

import java.util.Locale;

/** The body a webhook gets: Parley's own JSON, or a message Slack or Discord incoming webhooks accept as is. */
public enum WebhookFormat {
  JSON, SLACK, DISCORD;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WebhookFormat parse(String key) {
    if (key == null) return JSON;
    for (WebhookFormat f : values()) if (f.key().equals(key)) return f;
    return null;
  }
}
