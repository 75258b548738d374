package parley.comment;

import java.time.Instant;
import java.util.List;

/**
 * A comment as a reader sees it: no email, no hashes; deleted ones are placeholders that keep their replies.
 * {@code body} (the markdown) is only sent back to the comment's own author, for editing.
 */
public record CommentView(
    long id, Long parentId, String author, String html, String body, Instant createdAt, Instant editedAt, int score,
    int upvotes, int downvotes, String state, boolean mine, int myVote, List<CommentView> replies) {

  static CommentView of(Comment c, String me, int myVote, List<CommentView> replies) {
    boolean mine = me != null && me.equals(c.clientHash());
    boolean shown = c.state() == CommentState.PUBLISHED || (mine && isOwnUnpublished(c.state()));
    return new CommentView(c.id(), c.parentId(), shown ? c.authorName() : "[deleted]", shown ? c.bodyHtml() : "",
        shown && mine ? c.bodyMarkdown() : null, c.createdAt(), shown ? c.editedAt() : null, c.score(), c.upvotes(), c.downvotes(),
        shown ? c.state().key() : CommentState.DELETED.key(), mine, myVote, replies);
  }

  /** Authors see their own held and rejected comments, marked as such, so a refusal is never silent. */
  static boolean isOwnUnpublished(CommentState state) {
    return state == CommentState.PENDING || state == CommentState.REJECTED;
  }
}
