package parley.comment;

import java.time.Instant;

/**
 * One stored comment. {@code rootId} is the top-level ancestor (null for a top-level comment), so a page of
 * top-level comments and all their replies load in two queries. {@code scores} and {@code moderation} hold the
 * classifier's scores and the moderation reasons as JSON text. {@code authorAccountId} is the signed-in author's
 * account, null for anonymous and imported comments.
 */
public record Comment(
    long id,
    long threadId,
    Long parentId,
    Long rootId,
    int depth,
    String authorName,
    String authorEmail,
    String clientHash,
    String editTokenHash,
    String bodyMarkdown,
    String bodyHtml,
    Instant createdAt,
    Instant editedAt,
    int score,
    int upvotes,
    int downvotes,
    CommentState state,
    String scores,
    String moderation,
    Long authorAccountId) {

  public boolean isTopLevel() {
    return parentId == null;
  }
}
