package parley.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.comment.CommentEvent;

/** What a webhook is sent for an event, in each format. No email addresses ever leave in a webhook. */
final class WebhookPayloads {
  private static final int MAX_TEXT = 500;

  private WebhookPayloads() {}

  static Map<String, Object> body(WebhookFormat format, CommentEvent e) {
    return switch (format) {
      case JSON -> json(e);
      case SLACK -> Map.of("text", slackEscape(summary(e)));
      // no @everyone or role pings from a reader's text
      case DISCORD -> Map.of("content", summary(e), "allowed_mentions", Map.of("parse", List.of()));
    };
  }

  static Map<String, Object> json(CommentEvent e) {
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("id", e.commentId());
    comment.put("parentId", e.parentId());
    comment.put("author", e.authorName());
    comment.put("body", e.body());
    comment.put("createdAt", e.createdAt().toString());
    Map<String, Object> thread = new LinkedHashMap<>();
    thread.put("id", e.threadId());
    thread.put("page", e.pageKey());
    thread.put("url", e.url());
    thread.put("title", e.title());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", "comment." + e.kind().key());
    out.put("site", e.siteId());
    out.put("comment", comment);
    out.put("thread", thread);
    return out;
  }

  static String summary(CommentEvent e) {
    String what = switch (e.kind()) {
      case PUBLISHED -> "New comment";
      case HELD -> "Comment held for moderation";
      case REPORTED -> "Comment reported";
    };
    String where = e.title() != null && !e.title().isBlank() ? e.title() : e.pageKey();
    String text = e.body().length() > MAX_TEXT ? e.body().substring(0, MAX_TEXT) + "…" : e.body();
    return what + " by " + e.authorName() + " on \"" + where + "\"" + (e.url() == null ? "" : " (" + e.url() + ")")
        + ":\n" + text;
  }

  /** Slack reads &lt; &gt; &amp; as markup (links, mentions); a reader's text must not make any. */
  static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
