package parley.moderation.queue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import parley.comment.CommentState;
import parley.moderation.AuthorRef;

/** A comment as a moderator sees it: in context (article, parent), with its scores, reasons and reports. */
public record QueueItem(
    long id, String siteId, long threadId, String threadTitle, String threadUrl, String pageKey, boolean threadClosed,
    Long parentId, String parentAuthor, String parentBody, String authorName, String authorEmail,
    Long authorAccountId, @JsonIgnore String clientHash, @JsonIgnore String ipHash, @JsonIgnore String authorUsername,
    String body, String bodyHtml, Instant createdAt, Instant editedAt, CommentState state, boolean featured,
    int reportCount, boolean reportOpen, JsonNode scores, JsonNode moderation) {

  @JsonIgnore
  public AuthorRef author() {
    return new AuthorRef(authorAccountId, clientHash, ipHash,
        new AuthorRef.Source(authorEmail, authorUsername, authorName));
  }

  /** A short, stable label for the author across comments, without revealing browser, IP or email hashes. */
  public String authorTag() {
    String key = author().key();
    int colon = key.indexOf(':');
    if (colon < 0) return key;
    String value = key.substring(colon + 1);
    return key.substring(0, colon) + ":" + (value.length() > 8 ? value.substring(0, 8) : value);
  }
}
